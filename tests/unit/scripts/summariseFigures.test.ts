import { describe, expect, it } from 'vitest'

import { summariseFigures } from '../../../scripts/security/summariseFigures'

describe('the security totals', () => {
  it('adds up the figures the tests printed and passes when none is a failure', () => {
    const totals = summariseFigures([
      'fuzz: 1200 inputs tried, 0 answered 5xx',
      'content fuzz: 90 documents tried, 400 pages checked, 0 failures',
      'content fuzz: 10 documents tried, 20 pages checked, 0 failures',
      'xss: 244 payloads, 244 inert (2 refused when saved, the rest stored and rendered; 52 distinct payloads)',
      'uploads: 23 checks, 0 failed',
      'headers: 371 responses checked (crawl), 0 without the security headers',
      'headers: 20 responses checked (by hand), 0 without the security headers',
      'outages: 16 checks, 0 failed',
      'ssrf: 15 checks, 0 failed',
      'cache abuse: 4 checks, 0 failed',
      'cache abuse: 3 checks, 0 failed',
      'privacy: 30 checks, 0 failed',
      'privacy: 4 checks, 0 failed',
      'npm audit: 0 high, 0 critical (3 advisories in production dependencies)',
    ])
    expect(totals).toEqual({
      failed: false,
      lines: [
        'bad input (fuzz): 1200 inputs tried, 0 answered 5xx',
        'content fuzz: 100 documents tried, 420 pages checked, 0 failures',
        'stored XSS: 244 payloads, 244 inert',
        'uploads: 23 checks, 0 failed',
        'security headers: 391 responses checked, 0 without them',
        'outages: 16 checks, 0 failed',
        'SSRF: 15 checks, 0 failed',
        'body limits: not run',
        'anonymous read limits: not run',
        'cache abuse: 7 checks, 0 failed',
        'preview tokens: not run',
        'sign-in: not run',
        'privacy: 34 checks, 0 failed',
        'npm audit (production dependencies): 0 high, 0 critical',
      ],
    })
  })

  it('fails on a 5xx, a live payload or a failed check, and says what did not run', () => {
    expect(summariseFigures(['fuzz: 10 inputs tried, 1 answered 5xx']).failed).toBe(true)
    expect(summariseFigures(['xss: 10 payloads, 9 inert']).failed).toBe(true)
    expect(summariseFigures(['content fuzz: 10 documents tried, 40 pages checked, 1 failures']).failed).toBe(true)
    expect(summariseFigures([]).lines).toContain('content fuzz: not run')
    expect(summariseFigures(['outages: 3 checks, 1 failed']).failed).toBe(true)
    expect(summariseFigures(['body limits: 3 checks, 1 failed']).failed).toBe(true)
    expect(summariseFigures(['privacy: 3 checks, 1 failed']).failed).toBe(true)
    expect(summariseFigures(['preview tokens: 3 checks, 1 failed']).failed).toBe(true)
    expect(summariseFigures(['sign-in: 3 checks, 1 failed']).failed).toBe(true)
    expect(summariseFigures(['npm audit: unavailable (405 Method Not Allowed)']).lines).toContain('npm audit (production dependencies): unavailable (405 Method Not Allowed)')
    expect(summariseFigures([]).lines[0]).toBe('bad input (fuzz): not run')
  })
})
