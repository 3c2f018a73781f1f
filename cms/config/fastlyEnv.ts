/** The Fastly service the purge job also purges, when `FASTLY_SERVICE_ID` and `FASTLY_API_TOKEN` are set. */
export type FastlyEnv = {
  serviceId: string
  apiToken: string
  /** Fastly's API, https://api.fastly.com; another origin only for tests (FASTLY_API_URL). */
  apiUrl: string
}

type Environment = Readonly<Record<string, string | undefined>>

/**
 * Reads `FASTLY_SERVICE_ID`, `FASTLY_API_TOKEN` and `FASTLY_API_URL`. Neither set: no CDN purge.
 * One without the other is a configuration error, caught at start-up rather than at the first
 * purge. A service id is Fastly's alphanumeric identifier, which goes into the request path.
 */
export function parseFastlyEnv(env: Environment): FastlyEnv | null {
  const serviceId = env.FASTLY_SERVICE_ID?.trim() || null
  const apiToken = env.FASTLY_API_TOKEN?.trim() || null
  if (serviceId === null && apiToken === null) return null
  if (serviceId === null || apiToken === null) throw new Error('FASTLY_SERVICE_ID and FASTLY_API_TOKEN go together.')
  if (!/^[A-Za-z0-9]{1,64}$/.test(serviceId)) throw new Error('FASTLY_SERVICE_ID must be Fastly\'s alphanumeric service id.')
  const apiUrl = (env.FASTLY_API_URL?.trim() || 'https://api.fastly.com').replace(/\/+$/, '')
  if (!/^https?:\/\/\S+$/.test(apiUrl)) throw new Error(`FASTLY_API_URL must be an http(s) URL, got "${apiUrl}".`)
  return { serviceId, apiToken, apiUrl }
}
