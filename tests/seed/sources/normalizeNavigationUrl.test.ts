import { describe, expect, it } from 'vitest'

import { normalizeNavigationUrl } from '../../../seed/sources/normalizeNavigationUrl'

describe('normalizeNavigationUrl', () => {
  it('keeps site paths', () => {
    expect(normalizeNavigationUrl('/about/apps/')).toBe('/about/apps/')
    expect(normalizeNavigationUrl('/events/python-events')).toBe('/events/python-events')
  })

  it('turns links to python.org itself into site paths, keeping query and fragment', () => {
    expect(normalizeNavigationUrl('https://www.python.org/psf/press-release/')).toBe('/psf/press-release/')
    expect(normalizeNavigationUrl('http://python.org/downloads/?x=1#top')).toBe('/downloads/?x=1#top')
    expect(normalizeNavigationUrl('//www.python.org/doc/')).toBe('/doc/')
    expect(normalizeNavigationUrl('https://www.python.org')).toBe('/')
  })

  it('keeps other sites absolute', () => {
    expect(normalizeNavigationUrl('https://docs.python.org')).toBe('https://docs.python.org')
    expect(normalizeNavigationUrl('https://wiki.python.org/moin/PythonEventsCalendar#Submitting_an_Event')).toBe(
      'https://wiki.python.org/moin/PythonEventsCalendar#Submitting_an_Event',
    )
    expect(normalizeNavigationUrl('//pypi.org/')).toBe('https://pypi.org/')
  })

  it('anchors a bare relative URL at the site root', () => {
    expect(normalizeNavigationUrl('comingsoon')).toBe('/comingsoon')
  })

  it('rejects empty URLs, spaces and other schemes', () => {
    expect(() => normalizeNavigationUrl('  ')).toThrow(/empty or contains spaces/)
    expect(() => normalizeNavigationUrl('/a b/')).toThrow(/empty or contains spaces/)
    expect(() => normalizeNavigationUrl('mailto:psf@python.org')).toThrow(/site path or an http\(s\) URL/)
  })
})
