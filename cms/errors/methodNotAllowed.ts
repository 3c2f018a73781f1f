/**
 * Route handlers for the methods a Next.js route file does not export: Next.js answers those
 * with a bare 405 and no body. These say which methods are allowed, in the error shape of the
 * API the client is talking to.
 */
export function methodNotAllowed(allowed: string, advice: string): (request: Request) => Response {
  return (request) => {
    const message = `${request.method} is not allowed here; allowed: ${allowed}. ${advice}`
    return Response.json(isLegacyApi(request) ? { error_message: message } : { errors: [{ message }] }, {
      status: 405,
      headers: { Allow: allowed, 'Cache-Control': 'no-store' },
    })
  }
}

/** python.org's downloads API (/api/v1/, /api/v2/) reports errors as `error_message`. */
export function isLegacyApi(request: Request): boolean {
  return /^\/api\/v[12]\//.test(new URL(request.url).pathname)
}
