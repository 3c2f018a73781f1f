import { describe, expect, it } from 'vitest'

import { nameCalendarsFromNavigation } from '../../../seed/sources/nameCalendarsFromNavigation'
import { readEventsSource } from '../../../seed/sources/readEventsSource'
import { readNavigationSource } from '../../../seed/sources/readNavigationSource'
import { realDataDir } from '../support/realDataDir'

describe('nameCalendarsFromNavigation', () => {
  it('names python.org\'s calendar by its menu title instead of its slug, on the real data', async () => {
    const [events, navigation] = await Promise.all([readEventsSource(realDataDir), readNavigationSource(realDataDir)])
    expect(events.calendars.find((calendar) => calendar.slug === 'python-events')?.name).toBe('python-events')
    const named = nameCalendarsFromNavigation(events, navigation)
    expect(named.calendars.find((calendar) => calendar.slug === 'python-events')?.name).toBe('Python Events')
    expect(named.events).toBe(events.events)
  })

  it('keeps a real name, and a slug-named calendar without a menu entry', async () => {
    const events = await readEventsSource(realDataDir)
    const source = {
      ...events,
      calendars: [
        { ...events.calendars[0]!, slug: 'a', name: 'Named A' },
        { ...events.calendars[0]!, slug: 'b', name: 'b' },
      ],
    }
    const navigation = (await readNavigationSource(realDataDir)).map((item) => ({ ...item, url: item.url.replace('python-events', 'a') }))
    expect(nameCalendarsFromNavigation(source, navigation).calendars.map((calendar) => calendar.name)).toEqual(['Named A', 'b'])
  })
})
