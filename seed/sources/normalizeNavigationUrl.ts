/** Hosts that are this site: links to them become site paths, so they work on any deployment. */
const SITE_HOSTS = new Set(['www.python.org', 'python.org'])

const SCHEME = /^[a-z][a-z0-9+.-]*:/i

/**
 * Turns a literal menu URL from python.org's fixture into a site path or an absolute URL.
 *
 * - `/about/apps/` stays as it is.
 * - `https://www.python.org/psf/press-release/` (or `python.org`, `http:`, `//www.python.org`)
 *   becomes `/psf/press-release/`, keeping any query and fragment.
 * - Other absolute http(s) URLs (docs.python.org, pypi.org, ...) stay as they are; a
 *   protocol-relative one gets `https:`.
 * - A bare relative URL such as `comingsoon` is anchored at the site root (`/comingsoon`):
 *   python.org emitted it as-is, which made it relative to whatever page showed the menu.
 * - Anything else (empty, whitespace inside, `mailto:`, `javascript:`) throws.
 */
export function normalizeNavigationUrl(url: string): string {
  const trimmed = url.trim()
  if (trimmed === '' || /\s/.test(trimmed)) throw new Error(`Menu URL ${JSON.stringify(url)} is empty or contains spaces.`)

  const absolute = trimmed.startsWith('//') ? `https:${trimmed}` : trimmed
  if (SCHEME.test(absolute)) {
    if (!URL.canParse(absolute)) throw new Error(`Menu URL "${url}" is not a valid URL.`)
    const parsed = new URL(absolute)
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new Error(`Menu URL "${url}" must be a site path or an http(s) URL.`)
    }
    if (SITE_HOSTS.has(parsed.hostname)) return `${parsed.pathname}${parsed.search}${parsed.hash}`
    return absolute
  }
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`
}
