import type { PayloadRequest } from 'payload'

import { clientAddressFrom } from '../../throttle/clientAddressHeader'
import { checkApiKeyHeader } from './legacyAuth'

/**
 * What a legacy API request counts against, as python.org's throttle counts: the API key's user
 * when the key checks out, otherwise (guests, and keys that do not check out) the client's
 * address. So a key's budget cannot be spent by someone who only knows its username, and
 * guessing keys is limited per address.
 */
export async function legacyThrottleKey(req: PayloadRequest): Promise<string> {
  const checked = await checkApiKeyHeader(req)
  if (checked.kind === 'user') return `user:${String(checked.user.id)}`
  return `address:${clientAddressFrom(req.headers)}`
}
