/**
 * python.org's page path rule: lower-case letters, digits, `-` and `.` in `/`-separated
 * segments. We store it with its leading and trailing slash, as visitors see it (`/about/apps/`).
 */
const PAGE_PATH = /^\/(?:[a-z0-9.-]+\/)*$/

export function validatePagePath(value: unknown): true | string {
  if (typeof value !== 'string' || !PAGE_PATH.test(value)) {
    return 'A path is lower-case letters, digits, "-" and "." in segments, starting and ending with "/", like /about/apps/.'
  }
  if (value.split('/').some((segment) => segment === '.' || segment === '..')) {
    return 'A path may not contain "." or ".." segments.'
  }
  return true
}

/** Accepts `about/apps`, `/about/apps` or `/about/apps/` and returns `/about/apps/`. */
export function normalisePagePath(value: unknown): unknown {
  if (typeof value !== 'string') return value
  const trimmed = value.trim().replace(/^\/+|\/+$/g, '')
  return trimmed === '' ? '/' : `/${trimmed}/`
}
