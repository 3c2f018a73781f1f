/**
 * busboy's complaints about a multipart body that is cut short or never was multipart (Payload
 * passes them on as plain Errors, which became 500s): the client's mistake, a 400.
 */
const BUSBOY_MESSAGES = /^(Unexpected end of form|Unexpected end of multipart data|Malformed part header|Multipart: Boundary not found|Malformed urlencoded form)$/

export function isMalformedMultipart(error: unknown): boolean {
  return error instanceof Error && !('status' in error && typeof error.status === 'number') && BUSBOY_MESSAGES.test(error.message)
}
