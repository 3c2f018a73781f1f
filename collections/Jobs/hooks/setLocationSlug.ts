import type { CollectionBeforeChangeHook } from 'payload'

import { slugify } from '../../fields/slugField'

/**
 * python.org's `location_slug`: "city region country" slugified, so /jobs/location/<slug>/ lists
 * the jobs of one place; rebuilt on every save from the stored parts.
 */
export const setLocationSlug: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const part = (name: 'city' | 'region' | 'country'): string => {
    const value: unknown = data[name] ?? originalDoc?.[name]
    return typeof value === 'string' ? value : ''
  }
  data.locationSlug = slugify([part('city'), part('region'), part('country')].filter(Boolean).join(' ')).slice(0, 300)
  return data
}
