/**
 * The cookies the site reads (issue 18, cache abuse): a request carrying one of them is answered
 * by the renderer, never from the shared page cache. Any other cookie (analytics, a CDN's, one a
 * visitor made up) changes nothing the site renders, so such requests get the cached page: before,
 * any Cookie header skipped the cache, and anyone could defeat it by sending one.
 *
 * Add a cookie here as soon as the site reads it to render a page. A test checks this list
 * against the names the routes use.
 *
 * The one exception is the visitors' session cookie (accounts/sessionCookie.ts, `pydotorg_session`),
 * and it is deliberate: most signed-in visitors read public pages, and those must stay the same
 * bytes for everyone and keep coming from the page cache (issue 11). No public page reads the
 * session: the header's signed-in state comes from the uncached /authenticated (filled in by
 * static/js/account.js), and the pages that do read it (/accounts/, /users/edit/, /authenticated)
 * are never cached: requestBypass.ts sends them past the cache and they answer `private, no-store`.
 */
export const cookiesBypassingCache: readonly string[] = [
  // routes/preview.ts previewCookieName: an editor's draft preview.
  'pydotorg_preview',
  // forms/csrfToken.ts csrfCookieName: the story form's double-submit token.
  'pydotorg_csrf',
];

/** Whether a Cookie header names any cookie of the list (names compared exactly, as browsers send them). */
export function cookieHeaderBypassesCache(header: string | undefined): boolean {
  if (header === undefined) return false;
  for (const part of header.split(';')) {
    const equals = part.indexOf('=');
    const name = (equals === -1 ? part : part.slice(0, equals)).trim();
    if (cookiesBypassingCache.includes(name)) return true;
  }
  return false;
}
