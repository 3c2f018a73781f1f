import { RELATION_TARGETS, type LegacyRelation, type LegacyResource } from './legacyResources'

/** Builds the URI of an object: relative for v1 (tastypie), absolute for v2 (DRF's hyperlinks). */
export type UriBuilder = (resourcePath: string, id: number | string) => string

export const v1Uri: UriBuilder = (resourcePath, id) => `/api/v1/${resourcePath}/${id}/`

export function v2UriBuilder(baseUrl: string): UriBuilder {
  const base = baseUrl.replace(/\/+$/, '')
  return (resourcePath, id) => `${base}/api/v2/${resourcePath}/${id}/`
}

export function resourceUri(uri: UriBuilder, resource: LegacyResource, id: number | string): string {
  return uri(resource.resourceName, id)
}

export function relationUri(uri: UriBuilder, relation: LegacyRelation, id: number | string): string {
  return uri(RELATION_TARGETS[relation].path, id)
}

/**
 * The id a resource URI names: `/api/v1/downloads/os/3/` (relative or absolute, v1 or v2) -> 3.
 * null when the value is not such a URI.
 */
export function idFromResourceUri(value: unknown, relation: LegacyRelation): number | null {
  if (typeof value !== 'string') return null
  const path = RELATION_TARGETS[relation].path.replace('/', '\\/')
  const match = new RegExp(`^(?:https?://[^/\\s]+)?/api/v[12]/${path}/(\\d+)/?$`).exec(value)
  if (!match) return null
  const id = Number(match[1])
  return Number.isSafeInteger(id) && id > 0 ? id : null
}
