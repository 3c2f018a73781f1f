import { LEGACY_RESOURCES, type LegacyField, type LegacyResource } from '../legacyDownloads/legacyResources'
import type { JsonSchema } from './fieldSchemas'

const json = (schema: JsonSchema) => ({ 'application/json': { schema } })
const LEGACY_ERROR = { $ref: '#/components/schemas/LegacyError' }

function errorResponse(description: string) {
  return { description, content: json(LEGACY_ERROR) }
}

function fieldSchema(field: LegacyField, absolute: boolean): JsonSchema {
  switch (field.kind) {
    case 'string':
      return { type: 'string' }
    case 'boolean':
      return { type: 'boolean' }
    case 'integer':
      return { type: 'integer' }
    case 'datetime':
      return { type: ['string', 'null'], description: absolute ? 'UTC, e.g. 2025-10-07T14:00:00Z' : 'UTC without a zone, e.g. 2025-10-07T14:00:00' }
    case 'relation':
      return { type: ['string', 'null'], description: `Resource URI${absolute ? ' (absolute)' : ''}, e.g. /api/v1/downloads/${field.relation}/3/` }
  }
}

function objectSchema(resource: LegacyResource, absolute: boolean): JsonSchema {
  const properties: Record<string, JsonSchema> = {}
  for (const field of resource.fields) properties[field.api] = fieldSchema(field, absolute)
  properties.resource_uri = { type: 'string' }
  return { type: 'object', properties, required: [...resource.fields.map((field) => field.api), 'resource_uri'] }
}

function componentName(resource: LegacyResource, version: 'V1' | 'V2'): string {
  return `Legacy${version}${resource.name === 'os' ? 'Os' : resource.name === 'release' ? 'Release' : 'ReleaseFile'}`
}

function filterParameters(resource: LegacyResource) {
  return resource.fields
    .filter((field) => field.filter)
    .map((field) => ({ name: field.api, in: 'query', required: false, schema: { type: 'string' }, description: `Exact match on ${field.api}.` }))
}

const PAGE_PARAMETERS = [
  { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 0, default: 20 }, description: '0 means the maximum (1000).' },
  { name: 'offset', in: 'query', required: false, schema: { type: 'integer', minimum: 0, default: 0 } },
]

const ID_PARAMETER = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } }
const LEGACY_SECURITY = [{ legacyApiKey: [] }, {}]

/** Components of the legacy downloads APIs: their objects and error body. */
export function legacyComponents(): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = {
    LegacyError: {
      type: 'object',
      properties: { error_message: { type: 'string' } },
      required: ['error_message'],
      additionalProperties: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
      description: 'tastypie-style error; validation errors add {"downloads/<resource>": {"<field>": ["message"]}}.',
    },
  }
  for (const resource of Object.values(LEGACY_RESOURCES)) {
    schemas[componentName(resource, 'V1')] = objectSchema(resource, false)
    schemas[componentName(resource, 'V2')] = objectSchema(resource, true)
  }
  return schemas
}

/** Paths of python.org's downloads APIs (v1 read-write, v2 read-only). */
export function legacyPaths(): Record<string, unknown> {
  const paths: Record<string, unknown> = {}
  for (const resource of Object.values(LEGACY_RESOURCES)) {
    const v1 = { $ref: `#/components/schemas/${componentName(resource, 'V1')}` }
    const v2 = { $ref: `#/components/schemas/${componentName(resource, 'V2')}` }
    const tags = ['Legacy downloads API']
    const writer = resource.writeNeedsAdmin ? 'an admin' : 'a release manager (or an admin)'
    const list: Record<string, unknown> = {
      get: {
        tags,
        summary: `List ${resource.label}s (tastypie)`,
        operationId: `legacyV1List_${resource.name}`,
        security: LEGACY_SECURITY,
        parameters: [...filterParameters(resource), ...PAGE_PARAMETERS],
        responses: {
          200: {
            description: 'A page of objects.',
            content: json({
              type: 'object',
              properties: {
                meta: {
                  type: 'object',
                  properties: {
                    limit: { type: 'integer' },
                    offset: { type: 'integer' },
                    total_count: { type: 'integer' },
                    next: { type: ['string', 'null'] },
                    previous: { type: ['string', 'null'] },
                  },
                },
                objects: { type: 'array', items: v1 },
              },
            }),
          },
          400: errorResponse('A bad filter or page parameter.'),
          401: errorResponse('Bad credentials, or credentials in the query string.'),
        },
      },
      post: {
        tags,
        summary: `Create a ${resource.label}; needs ${writer}`,
        operationId: `legacyV1Create_${resource.name}`,
        security: [{ legacyApiKey: [] }],
        requestBody: { required: true, content: json(v1) },
        responses: {
          201: { description: 'Created; no body.', headers: { Location: { description: 'The new object\'s resource URI.', schema: { type: 'string' } } } },
          400: errorResponse('A rule was broken; nothing was written.'),
          401: errorResponse('No or bad credentials.'),
          403: errorResponse('The user lacks the role.'),
        },
      },
    }
    if (resource.name === 'release_file') {
      list.delete = {
        tags,
        summary: 'Delete every file of one release; needs a release manager',
        operationId: 'legacyV1DeleteFilesOfRelease',
        security: [{ legacyApiKey: [] }],
        parameters: [{ name: 'release', in: 'query', required: true, schema: { type: 'integer' } }],
        responses: { 204: { description: 'Deleted.' }, 400: errorResponse('Not exactly one release parameter.'), 401: errorResponse('No or bad credentials.'), 403: errorResponse('The user lacks the role.') },
      }
    }
    paths[`/api/v1/${resource.resourceName}/`] = list
    paths[`/api/v1/${resource.resourceName}/{id}/`] = {
      get: {
        tags,
        summary: `One ${resource.label} (tastypie)`,
        operationId: `legacyV1Detail_${resource.name}`,
        security: LEGACY_SECURITY,
        parameters: [ID_PARAMETER],
        responses: { 200: { description: 'The object.', content: json(v1) }, 404: errorResponse('Unknown, or unpublished and the caller is not a release manager.') },
      },
      delete: {
        tags,
        summary: `Delete a ${resource.label}; needs ${writer}`,
        operationId: `legacyV1Delete_${resource.name}`,
        security: [{ legacyApiKey: [] }],
        parameters: [ID_PARAMETER],
        responses: { 204: { description: 'Deleted.' }, 401: errorResponse('No or bad credentials.'), 403: errorResponse('The user lacks the role.'), 404: errorResponse('Unknown id.') },
      },
    }
    paths[`/api/v2/${resource.resourceName}/`] = {
      get: {
        tags: ['Downloads API v2 (read-only)'],
        summary: `Every ${resource.label} as a plain array (DRF)`,
        operationId: `legacyV2List_${resource.name}`,
        security: LEGACY_SECURITY,
        parameters: filterParameters(resource),
        responses: { 200: { description: 'All visible objects.', content: json({ type: 'array', items: v2 }) }, 400: errorResponse('An unknown or bad filter.') },
      },
    }
    paths[`/api/v2/${resource.resourceName}/{id}/`] = {
      get: {
        tags: ['Downloads API v2 (read-only)'],
        summary: `One ${resource.label} (DRF)`,
        operationId: `legacyV2Detail_${resource.name}`,
        security: LEGACY_SECURITY,
        parameters: [ID_PARAMETER],
        responses: { 200: { description: 'The object.', content: json(v2) }, 404: errorResponse('Unknown or unpublished.') },
      },
    }
  }
  return paths
}
