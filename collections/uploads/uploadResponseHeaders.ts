/**
 * Headers for every uploaded file the CMS serves. The CMS's own origin holds the admin's
 * session, so a file opened there must never run: no MIME sniffing, and a CSP sandbox with
 * nothing allowed. Release artifacts are downloads: a release manager's HTML "artifact"
 * opened by an admin would otherwise run as the admin.
 */
export function uploadResponseHeaders(options: { download: boolean }): ({ headers }: { headers: Headers }) => Headers {
  return ({ headers }) => {
    const result = new Headers(headers)
    result.set('X-Content-Type-Options', 'nosniff')
    result.set('Content-Security-Policy', "default-src 'none'; sandbox")
    if (options.download) result.set('Content-Disposition', 'attachment')
    return result
  }
}
