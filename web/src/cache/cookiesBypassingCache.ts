/**
 * The cookies the site reads (issue 18, cache abuse): a request carrying one of them is answered
 * by the renderer, never from the shared page cache. Any other cookie (analytics, a CDN's, one a
 * visitor made up) changes nothing the site renders, so such requests get the cached page: before,
 * any Cookie header skipped the cache, and anyone could defeat it by sending one.
 *
 * Add a cookie here as soon as the site reads it (the accounts' session cookie will be one).
 * A test checks this list against the names the routes use.
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
