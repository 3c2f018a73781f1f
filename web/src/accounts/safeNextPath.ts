/**
 * Where to go after signing in (`?next=`): only a path of this site. An absolute URL, a
 * protocol-relative `//host`, a backslash (browsers read `/\host` as `//host`) or control
 * characters would make the sign-in page an open redirect; those fall back to the default.
 */
const maximumLength = 512;

export function safeNextPath(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > maximumLength) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(next)) return fallback;
  try {
    // Same origin after resolution, whatever the encoding tricks.
    const resolved = new URL(next, 'http://site.invalid');
    if (resolved.origin !== 'http://site.invalid') return fallback;
    return `${resolved.pathname}${resolved.search}`;
  } catch {
    return fallback;
  }
}
