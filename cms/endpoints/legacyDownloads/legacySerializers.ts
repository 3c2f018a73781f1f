import type { LegacyField, LegacyResource } from './legacyResources'
import { relationUri, resourceUri, type UriBuilder } from './legacyUris'

export type LegacyFlavour = 'v1' | 'v2'

type Doc = Record<string, unknown> & { id: number | string }

function relationIdOf(value: unknown): number | string | null {
  if (value == null) return null
  if (typeof value === 'object' && 'id' in value) return (value as { id: number | string }).id
  return value as number | string
}

/**
 * Dates as python.org serves them: tastypie writes naive UTC (`2025-10-14T00:00:00`), DRF
 * marks UTC with a `Z`.
 */
function formatDate(value: unknown, flavour: LegacyFlavour): string | null {
  if (typeof value !== 'string' || value === '') return null
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return null
  const iso = date.toISOString().replace(/\.\d{3}Z$/, '')
  return flavour === 'v1' ? iso : `${iso}Z`
}

function serializeField(field: LegacyField, value: unknown, uri: UriBuilder, flavour: LegacyFlavour): unknown {
  switch (field.kind) {
    case 'string':
      // Django stores blank text as "", never null.
      return typeof value === 'string' ? value : ''
    case 'boolean':
      return value === true
    case 'integer':
      return typeof value === 'number' ? value : 0
    case 'datetime':
      return formatDate(value, flavour)
    case 'relation': {
      const id = relationIdOf(value)
      return id == null || field.relation === undefined ? null : relationUri(uri, field.relation, id)
    }
  }
}

/** One Payload document in python.org's snake_case shape, with its `resource_uri`. */
export function serializeLegacy(resource: LegacyResource, doc: Doc, uri: UriBuilder, flavour: LegacyFlavour): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const field of resource.fields) out[field.api] = serializeField(field, doc[field.field], uri, flavour)
  out.resource_uri = resourceUri(uri, resource, doc.id)
  return out
}
