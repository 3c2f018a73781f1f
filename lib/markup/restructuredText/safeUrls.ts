/**
 * Which URLs may become links and images. Links: http, https, mailto, and relative URLs
 * (`/about/`, `#section`, `page.html`); images: http, https and site-relative paths only.
 * Everything else (`javascript:`, `data:`, `//host`, backslashes, control characters) is
 * refused: the reference is then shown as text. Pages are not sanitised after rendering, so
 * this is the line of defence there.
 */
const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/** Control characters, spaces and backslashes: browsers strip or reinterpret them in URLs. */
function hasUnsafeCharacter(uri: string): boolean {
  for (let index = 0; index < uri.length; index += 1) {
    const code = uri.charCodeAt(index);
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x5c || code === 0x2028 || code === 0x2029) return true;
  }
  return false;
}

export function safeLinkUrl(uri: string): string | null {
  if (uri === '' || hasUnsafeCharacter(uri) || uri.startsWith('//')) return null;
  const scheme = SCHEME.exec(uri)?.[1];
  if (scheme !== undefined) return LINK_SCHEMES.has(scheme.toLowerCase()) ? uri : null;
  // A colon before any slash would make a browser read a scheme; no relative URL needs one.
  const colon = uri.indexOf(':');
  if (colon >= 0 && !/[/?#]/.test(uri.slice(0, colon))) return null;
  return uri;
}

export function safeImageUrl(uri: string): string | null {
  if (uri === '' || hasUnsafeCharacter(uri)) return null;
  if (/^https?:\/\/[^/]/i.test(uri)) return uri;
  if (uri.startsWith('/') && !uri.startsWith('//')) return uri;
  return null;
}
