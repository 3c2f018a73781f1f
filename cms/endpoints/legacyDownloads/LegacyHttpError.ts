/**
 * An error the legacy downloads API answers with a given status and a tastypie-shaped JSON body
 * (`{"error_message": "..."}`, plus per-field messages for validation errors).
 */
export class LegacyHttpError extends Error {
  readonly status: number
  readonly body: Record<string, unknown>
  readonly headers: Record<string, string>

  constructor(status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    super(message)
    this.name = 'LegacyHttpError'
    this.status = status
    this.body = { error_message: message, ...extra }
    this.headers = headers
  }
}
