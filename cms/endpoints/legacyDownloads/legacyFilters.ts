import type { Where } from 'payload'

import { LegacyHttpError } from './LegacyHttpError'
import type { LegacyField, LegacyResource } from './legacyResources'

/** Query parameters that page or format a list rather than filter it. */
const CONTROL_PARAMS = new Set(['limit', 'offset', 'format'])

const DATE_LOOKUPS: Record<string, string> = { exact: 'equals', gt: 'greater_than', gte: 'greater_than_equal', lt: 'less_than', lte: 'less_than_equal' }

function badFilter(name: string, raw: string, expected: string): LegacyHttpError {
  return new LegacyHttpError(400, `Invalid value '${raw}' for filter '${name}': expected ${expected}.`)
}

function exactValue(field: LegacyField, name: string, raw: string): unknown {
  switch (field.kind) {
    case 'boolean':
      if (['true', '1', 'True'].includes(raw)) return true
      if (['false', '0', 'False'].includes(raw)) return false
      throw badFilter(name, raw, 'true or false')
    case 'integer':
    case 'relation':
      if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw badFilter(name, raw, 'an integer id')
      return Number(raw)
    default:
      return raw
  }
}

function dateValue(name: string, raw: string): string {
  const date = new Date(/T\d{2}:\d{2}(:\d{2})?$/.test(raw) ? `${raw}Z` : raw)
  if (Number.isNaN(date.getTime())) throw badFilter(name, raw, 'an ISO 8601 date')
  return date.toISOString()
}

/** One query parameter as a Payload condition, or null when the resource has no such filter. */
function condition(resource: LegacyResource, name: string, raw: string): Where | null {
  const [fieldName, lookup = 'exact'] = name.split('__', 2)
  const field = resource.fields.find((candidate) => candidate.api === fieldName)
  if (!field) return null
  if (field.filter && lookup === 'exact') return { [field.field]: { equals: exactValue(field, name, raw) } }
  if (field.kind === 'relation' && field.filter && lookup === 'slug') return { [`${field.field}.slug`]: { equals: raw } }
  if (field.api === 'version' && lookup === 'startswith') return { [field.field]: { equals: exactValue(field, name, raw) } }
  if (field.api === 'description' && lookup === 'contains') return { [field.field]: { like: raw } }
  if (field.kind === 'datetime' && Object.hasOwn(DATE_LOOKUPS, lookup)) return { [field.field]: { [DATE_LOOKUPS[lookup]]: dateValue(name, raw) } }
  return null
}

/**
 * The Payload `where` for a legacy list: python.org's filters (`os/?slug=windows`,
 * `release/?name=Python 3.14.1`, `release_file/?release=42`, `?os__slug=...`,
 * `?release_date__gte=...`, `?description__contains=...`), plus the publication rule. Unknown
 * parameters are ignored, as tastypie ignores them, unless `strict` (DRF's 400).
 */
export function legacyWhere(resource: LegacyResource, params: URLSearchParams, options: { drafts: boolean; strict: boolean }): Where {
  const and: Where[] = []
  for (const [name, raw] of params) {
    if (CONTROL_PARAMS.has(name)) continue
    const found = condition(resource, name, raw)
    if (found) and.push(found)
    else if (options.strict) throw new LegacyHttpError(400, `Unknown filter '${name}'.`)
  }
  if (resource.publishedPath && !options.drafts) and.push({ [resource.publishedPath]: { equals: true } })
  return { and }
}
