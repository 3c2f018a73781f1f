import { describe, expect, it } from 'vitest'

import { resolveDjangoUrlName } from '../../../seed/sources/djangoUrlNames'

describe('resolveDjangoUrlName', () => {
  it('maps names to the paths python.org reverses them to', () => {
    expect(resolveDjangoUrlName('home', 'Python')).toBe('/')
    expect(resolveDjangoUrlName('download:download', 'Downloads')).toBe('/downloads/')
    expect(resolveDjangoUrlName('jobs:job_locations', 'Locations')).toBe('/jobs/locations/')
  })

  it('maps a placeholder name by the item title', () => {
    expect(resolveDjangoUrlName('inner', 'Python Conferences')).toBe('/community/workshops/')
    expect(resolveDjangoUrlName('inner', 'Release Schedule')).toBe('https://peps.python.org/topic/release/')
  })

  it('throws on names it does not know, including inherited object keys', () => {
    expect(() => resolveDjangoUrlName('jobs:job_detail', 'Job')).toThrow(/Unknown Django URL name "jobs:job_detail"/)
    expect(() => resolveDjangoUrlName('toString', 'X')).toThrow(/Unknown Django URL name "toString"/)
    expect(() => resolveDjangoUrlName('inner', 'Something else')).toThrow(/no path for an item titled "Something else"/)
  })
})
