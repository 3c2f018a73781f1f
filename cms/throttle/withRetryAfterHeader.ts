/**
 * A 429 raised inside Payload (an APIError thrown from a hook, such as the anonymous REST read
 * limit) reaches the client through Payload's error formatter, which keeps the error's `data` in
 * the JSON body but lets no hook set a header. This wrapper around a REST route handler copies
 * `data.retryAfterSeconds` into `Retry-After` (with `Cache-Control: no-store`), so every 429 of
 * the API says when to come back as RFC 9110 asks, not only those our own endpoints answer.
 */
type RouteHandler<Context> = (request: Request, context: Context) => Promise<Response>

/** The largest wait a 429 may announce: a day. A bigger or odd value is not echoed. */
const MAX_RETRY_AFTER_SECONDS = 24 * 60 * 60

export function retryAfterFromErrorBody(body: unknown): number | null {
  if (typeof body !== 'object' || body === null) return null
  const errors = (body as { errors?: unknown }).errors
  if (!Array.isArray(errors)) return null
  for (const error of errors) {
    const seconds = (error as { data?: { retryAfterSeconds?: unknown } } | null)?.data?.retryAfterSeconds
    if (typeof seconds === 'number' && Number.isInteger(seconds) && seconds > 0 && seconds <= MAX_RETRY_AFTER_SECONDS) return seconds
  }
  return null
}

export function withRetryAfterHeader<Context>(handler: RouteHandler<Context>): RouteHandler<Context> {
  return async (request, context) => {
    const response = await handler(request, context)
    if (response.status !== 429 || response.headers.has('retry-after')) return response
    let seconds: number | null = null
    try {
      seconds = retryAfterFromErrorBody(await response.clone().json())
    } catch {
      // Not JSON: answer as it is.
    }
    if (seconds === null) return response
    const headers = new Headers(response.headers)
    headers.set('Retry-After', String(seconds))
    headers.set('Cache-Control', 'no-store')
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
  }
}
