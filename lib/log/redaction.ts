/**
 * What never reaches a log line: credentials, session cookies, tokens and keys. Paths are
 * pino `redact` paths; `*` covers one level, so a secret nested in `req`, `res`, `err` or any
 * object passed to a log call is caught at the depths the servers log at.
 */
const secretKeys = [
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'passwordConfirm',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'api_key',
  'secret',
  'x-pydotorg-renderer-key',
  'x-pydotorg-preview-token',
  'x-purge-secret',
] as const

const quoted = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`)
const join = (prefix: string, key: string) => (quoted(key).startsWith('[') ? `${prefix}${quoted(key)}` : `${prefix}.${key}`)

/** pino `redact.paths`: each secret key at the top, one level down, and in request/response headers. */
export const redactPaths: readonly string[] = secretKeys.flatMap((key) => [
  quoted(key),
  join('*', key),
  join('req.headers', key),
  join('res.headers', key),
])

export const redactCensor = '[redacted]'

/**
 * One-use links carry their secret in the path (`/accounts/confirm-email/<token>/`,
 * `/accounts/password/reset/key/<token>/`, `/nominations/respond/<token>/`) or in a query
 * parameter (`?token=` previews). A URL is logged only through this.
 */
const tokenInPath = /(\/(?:confirm-email|reset\/key|respond|verify|unsubscribe)\/)[^/?#]+/gi
const tokenInQuery = /([?&](?:token|key|secret|signature|code|sig)=)[^&#]*/gi

export function redactUrl(url: string): string {
  return redactLinkTokens(url.slice(0, 2_000))
}

/** The same for any text: every message is passed through this (createLogger's logMethod hook). */
export function redactLinkTokens(text: string): string {
  return text.replace(tokenInPath, `$1${redactCensor}`).replace(tokenInQuery, `$1${redactCensor}`)
}
