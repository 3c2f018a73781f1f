/**
 * Opens a preview as an editor does after pressing the admin's Preview button: the link with the
 * preview token answers a confirmation page (it sets no preview cookie itself); its form is
 * posted back with the CSRF cookie and field it carries; the POST sets the preview cookie and
 * redirects to the address without the token, which is then fetched with that cookie.
 */
export async function openPreview(webUrl: string, path: string, token: string): Promise<Response> {
  const link = await fetch(`${webUrl}${path}?token=${encodeURIComponent(token)}`, { redirect: 'manual' });
  if (link.status !== 200) return link;
  const page = await link.text();
  const csrfField = /name="csrfToken" value="([^"]+)"/.exec(page)?.[1];
  const tokenField = /name="token" value="([^"]+)"/.exec(page)?.[1];
  const csrfCookie = link.headers.getSetCookie().find((cookie) => cookie.startsWith('pydotorg_csrf='))?.split(';')[0];
  if (csrfField === undefined || tokenField === undefined || csrfCookie === undefined) throw new Error(`the preview confirmation page has no form to post:\n${page}`);
  const confirmed = await fetch(`${webUrl}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie, 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ csrfToken: csrfField, token: tokenField.replace(/&amp;/g, '&') }).toString(),
  });
  if (confirmed.status !== 303) return confirmed;
  const cookie = confirmed.headers.getSetCookie().find((entry) => entry.startsWith('pydotorg_preview='))?.split(';')[0] ?? '';
  return fetch(`${webUrl}${confirmed.headers.get('location') ?? path}`, { headers: { cookie } });
}
