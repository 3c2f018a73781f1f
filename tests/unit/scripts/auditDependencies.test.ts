import { describe, expect, it } from 'vitest'

import { severeAdvisories } from '../../../scripts/security/auditDependencies'

describe("npm audit's report, reduced to the advisories that must be explained", () => {
  it('lists the GHSA ids of high and critical advisories once, leaving moderate ones and transitive names aside', () => {
    const report = {
      vulnerabilities: {
        next: { severity: 'critical', via: [{ url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc', severity: 'critical', title: 'x' }] },
        'some-dep': { severity: 'high', via: ['next', { url: 'https://github.com/advisories/GHSA-dddd-eeee-ffff', severity: 'high' }] },
        other: { severity: 'moderate', via: [{ url: 'https://github.com/advisories/GHSA-1111-2222-3333', severity: 'moderate' }] },
        again: { severity: 'critical', via: [{ url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc', severity: 'critical' }] },
      },
    }
    expect(severeAdvisories(report)).toEqual(['GHSA-aaaa-bbbb-cccc', 'GHSA-dddd-eeee-ffff'])
    expect(severeAdvisories({})).toEqual([])
  })
})
