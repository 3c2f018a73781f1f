/**
 * FEED_FETCH_ALLOW_PRIVATE=true lets the feed imports (cms/jobs/fetchFeed.ts) fetch from loopback
 * and private addresses. For tests only, whose fixture feeds are served on 127.0.0.1; off by
 * default, and refused in production so no deployment can open the SSRF hole by accident.
 */
export function feedFetchAllowsPrivate(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const raw = env.FEED_FETCH_ALLOW_PRIVATE
  if (raw === undefined || raw === '' || raw === 'false') return false
  if (raw !== 'true') throw new Error(`FEED_FETCH_ALLOW_PRIVATE must be true or false, got "${raw}".`)
  if (env.NODE_ENV === 'production') throw new Error('FEED_FETCH_ALLOW_PRIVATE=true is for tests only and is refused in production.')
  return true
}
