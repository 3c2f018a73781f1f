import { describe, expect, it } from 'vitest'

import { parseThrottleEnv } from '../../../../cms/config/throttleEnv'

describe('parseThrottleEnv', () => {
  it("keeps python.org's limits when nothing is set, and when a limit is blank", () => {
    const limits = parseThrottleEnv({ SEARCH_RATE_PER_MINUTE: '  ' })
    expect(limits).toMatchObject({ legacyApiPerHour: 600, searchPerMinute: 60, restAnonymousPerMinute: 300, jobSubmissionsPerHour: 5, accountMailsPerAccountPerHour: 5 })
    expect(limits.rendererKey).toBeNull()
    expect(limits.trustedProxies).toEqual({ kind: 'none' })
  })

  it('reads each limit from its own variable, trimmed', () => {
    const limits = parseThrottleEnv({ LEGACY_API_RATE_PER_HOUR: ' 1200 ', ACCOUNT_SIGN_INS_PER_ACCOUNT_PER_HOUR: '7', PURGE_SECRET: ' key ' })
    expect(limits.legacyApiPerHour).toBe(1200)
    expect(limits.accountSignInsPerAccountPerHour).toBe(7)
    expect(limits.accountSignInsPerHour).toBe(30)
    expect(limits.rendererKey).toBe('key')
  })

  it.each(['0', '-1', '1e3', '2.5', 'many', '1000000001'])('refuses %j with the variable named and the value echoed', (raw) => {
    expect(() => parseThrottleEnv({ SIGN_IN_RATE_PER_HOUR: raw })).toThrow(`SIGN_IN_RATE_PER_HOUR must be a whole number of requests, 1 or more, got "${raw}".`)
  })
})
