/**
 * Responses of the legacy APIs: JSON, never cached (release tooling reads its own writes), and
 * varying by the credentials that decide what a caller sees.
 */
const BASE_HEADERS = { 'Cache-Control': 'no-store', Vary: 'Authorization' }

export function legacyJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...BASE_HEADERS, ...headers },
  })
}

/** 201 and 204 carry no body, as tastypie answers them. */
export function legacyEmpty(status: 201 | 204, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers: { ...BASE_HEADERS, ...headers } })
}
