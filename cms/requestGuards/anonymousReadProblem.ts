/**
 * Limits on what one anonymous REST read may ask for (issue 18: `GET /api/releases?limit=0&depth=3
 * &joins[files][limit]=0` returned 731 KB in 1.16 s from the CMS's single process). Refused with a
 * 400 that names the limit, rather than clamped: a silently shorter list reads as the whole list.
 * Signed-in callers and the renderer (an exempt address, REST_ANONYMOUS_EXEMPT_ADDRESSES) are not
 * limited; see cms/throttle/limitAnonymousReads.ts.
 */
export const ANONYMOUS_MAX_LIMIT = 100
export const ANONYMOUS_MAX_DEPTH = 2

type ReadArgs = { limit?: unknown; pagination?: unknown; depth?: unknown; joins?: unknown }

function wholeNumber(value: unknown): number | null {
  if (value === undefined || value === null || value === '') return null
  const number = Number(value)
  return Number.isFinite(number) ? number : NaN
}

/** The problem with an anonymous read's arguments, or null when it is within the limits. */
export function anonymousReadProblem(args: ReadArgs): string | null {
  if (args.pagination === false || args.pagination === 'false') {
    return `pagination=false is refused without signing in: read at most ${ANONYMOUS_MAX_LIMIT} documents a page with limit and page.`
  }
  const limit = wholeNumber(args.limit)
  if (limit !== null && !(limit >= 1 && limit <= ANONYMOUS_MAX_LIMIT)) {
    return `limit must be between 1 and ${ANONYMOUS_MAX_LIMIT} without signing in (0 would mean all documents); read further pages with page.`
  }
  const depth = wholeNumber(args.depth)
  if (depth !== null && !(depth >= 0 && depth <= ANONYMOUS_MAX_DEPTH)) return `depth must be between 0 and ${ANONYMOUS_MAX_DEPTH} without signing in.`
  if (typeof args.joins === 'object' && args.joins !== null) {
    for (const [name, join] of Object.entries(args.joins as Record<string, unknown>)) {
      if (typeof join !== 'object' || join === null) continue
      const joinLimit = wholeNumber((join as { limit?: unknown }).limit)
      if (joinLimit !== null && !(joinLimit >= 1 && joinLimit <= ANONYMOUS_MAX_LIMIT)) {
        return `joins[${name.slice(0, 40)}][limit] must be between 1 and ${ANONYMOUS_MAX_LIMIT} without signing in (0 would mean all).`
      }
    }
  }
  return null
}
