import type { EventsSource } from './readEventsSource'
import type { NavigationItemRecord } from './readNavigationSource'

/**
 * python.org's events fixture names its calendar after its slug ("python-events"), so its pages
 * would be titled by the slug. The menu python.org ships beside it titles the calendar's page
 * ("Python Events"): a calendar whose name is its slug takes that title as its name. A
 * calendar with a real name, or no menu entry, keeps its own.
 */
export function nameCalendarsFromNavigation(source: EventsSource, navigation: readonly NavigationItemRecord[]): EventsSource {
  const titles = new Map<string, string>()
  for (const item of navigation) {
    const slug = /^\/events\/([a-z0-9-]+)\/?$/.exec(item.url)?.[1]
    if (slug !== undefined && item.title.trim() !== '' && !titles.has(slug)) titles.set(slug, item.title.trim())
  }
  return {
    ...source,
    calendars: source.calendars.map((calendar) =>
      calendar.name === calendar.slug && titles.has(calendar.slug) ? { ...calendar, name: titles.get(calendar.slug) ?? calendar.name } : calendar,
    ),
  }
}
