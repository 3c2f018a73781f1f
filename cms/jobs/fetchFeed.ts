/** python.org's importers give a feed 30 seconds. */
const FEED_TIMEOUT_MS = 30_000

/** Far above any real feed (python.org's calendars and blog feed are well under 1 MB). */
const FEED_MAX_BYTES = 20 * 1024 * 1024

/**
 * GETs a feed's text for an import job. Anything but a 2xx answer, a timeout, an unreachable
 * host or an oversized body throws an error naming the URL, so the job fails (and is retried)
 * without touching the database.
 */
export async function fetchFeed(url: string, accept: string): Promise<string> {
  let response: Response
  try {
    response = await fetch(url, { headers: { accept, 'user-agent': 'python.org content system (feed import)' }, signal: AbortSignal.timeout(FEED_TIMEOUT_MS) })
  } catch (error) {
    throw new Error(`GET ${url} failed: ${describeFailure(error)}`, { cause: error })
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined)
    throw new Error(`GET ${url} answered ${response.status} ${response.statusText}`.trimEnd())
  }
  const declared = Number(response.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > FEED_MAX_BYTES) {
    await response.body?.cancel().catch(() => undefined)
    throw new Error(`GET ${url} answered ${declared} bytes, more than the ${FEED_MAX_BYTES} a feed may have`)
  }
  let text: string
  try {
    text = await response.text()
  } catch (error) {
    throw new Error(`GET ${url} failed while reading the body: ${describeFailure(error)}`, { cause: error })
  }
  if (Buffer.byteLength(text) > FEED_MAX_BYTES) throw new Error(`GET ${url} answered more than the ${FEED_MAX_BYTES} bytes a feed may have`)
  return text
}

// undici reports network failures as TypeError("fetch failed") with the reason in `cause.code`.
function describeFailure(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${FEED_TIMEOUT_MS / 1000} s`
  const cause = error instanceof Error ? error.cause : undefined
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : undefined
  return code ?? (error instanceof Error ? error.message : String(error))
}
