/**
 * Opens a preview as the admin's button does: the link with the token, then the address it
 * redirects to with the cookie it set.
 */
export async function openPreview(webUrl: string, path: string, token: string): Promise<Response> {
  const link = await fetch(`${webUrl}${path}?token=${encodeURIComponent(token)}`, { redirect: 'manual' });
  if (link.status !== 303) return link;
  const cookie = (link.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return fetch(`${webUrl}${link.headers.get('location') ?? path}`, { headers: { cookie } });
}
