import type { SanitizedCollectionConfig } from 'payload'

import { fieldsSchema, schemaName, type JsonSchema } from './fieldSchemas'

const json = (schema: JsonSchema) => ({ 'application/json': { schema } })
const ERRORS = { $ref: '#/components/schemas/PayloadErrors' }
const SECURITY = [{ payloadApiKey: [] }, { payloadJwt: [] }, { payloadCookie: [] }, {}]

const LIST_PARAMETERS = [
  { name: 'where', in: 'query', required: false, style: 'deepObject', explode: true, schema: { type: 'object' }, description: "Payload's query language, e.g. where[isLatest][equals]=true." },
  { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 0, default: 10 } },
  { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } },
  { name: 'sort', in: 'query', required: false, schema: { type: 'string' }, description: 'A field name; prefix with - for descending.' },
  { name: 'depth', in: 'query', required: false, schema: { type: 'integer', minimum: 0 }, description: 'How deep relations are populated (default 2; 0 gives ids).' },
  { name: 'select', in: 'query', required: false, style: 'deepObject', explode: true, schema: { type: 'object' }, description: 'Only these fields, e.g. select[name]=true.' },
]
const DEPTH = LIST_PARAMETERS.filter((parameter) => parameter.name === 'depth')
const ID = { name: 'id', in: 'path', required: true, schema: { oneOf: [{ type: 'integer' }, { type: 'string' }] } }

/** Upload collections take the file and the other fields (`_payload`, JSON) as a multipart form. */
function uploadBody(ref: JsonSchema) {
  return {
    'multipart/form-data': {
      schema: {
        type: 'object',
        properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' }, _payload: { type: 'string', description: 'The other fields, as JSON.' } },
        required: ['file'],
      },
    },
    ...json(ref),
  }
}

function errorResponses(codes: number[]) {
  const descriptions: Record<number, string> = {
    400: 'Invalid data (field errors in errors[].data.errors).',
    401: 'Not signed in.',
    403: 'Not allowed.',
    404: 'Not found.',
  }
  return Object.fromEntries(codes.map((code) => [code, { description: descriptions[code], content: json(ERRORS) }]))
}

/** The document schema of a collection, minus what Payload never shows (hashes, salts, ...). */
export function collectionSchema(collection: SanitizedCollectionConfig): JsonSchema {
  const visible = collection.fields.filter((field) => !('hidden' in field && field.hidden === true))
  const { properties, required } = fieldsSchema(visible)
  return { type: 'object', properties: { id: { oneOf: [{ type: 'integer' }, { type: 'string' }] }, ...properties }, required: ['id', ...required] }
}

/** Payload's REST endpoints for one collection: list, create, bulk update/delete, and by id. */
export function collectionPaths(collection: SanitizedCollectionConfig): Record<string, unknown> {
  const slug = collection.slug
  const ref = { $ref: `#/components/schemas/${schemaName(slug)}` }
  const tags = [slug]
  const op = (verb: string) => `${verb}_${schemaName(slug)}`
  const paths: Record<string, unknown> = {
    [`/api/${slug}`]: {
      get: {
        tags,
        summary: `List ${slug}`,
        operationId: op('find'),
        security: SECURITY,
        parameters: LIST_PARAMETERS,
        responses: {
          200: {
            description: 'A page of documents.',
            content: json({
              type: 'object',
              properties: {
                docs: { type: 'array', items: ref },
                totalDocs: { type: 'integer' },
                limit: { type: 'integer' },
                page: { type: 'integer' },
                totalPages: { type: 'integer' },
                hasNextPage: { type: 'boolean' },
                hasPrevPage: { type: 'boolean' },
                nextPage: { type: ['integer', 'null'] },
                prevPage: { type: ['integer', 'null'] },
              },
            }),
          },
          ...errorResponses([400, 403]),
        },
      },
      post: {
        tags,
        summary: `Create a ${slug} document`,
        operationId: op('create'),
        security: SECURITY,
        requestBody: { required: true, content: collection.upload ? uploadBody(ref) : json(ref) },
        responses: { 201: { description: 'Created.', content: json({ type: 'object', properties: { doc: ref, message: { type: 'string' } } }) }, ...errorResponses([400, 403]) },
      },
      patch: {
        tags,
        summary: `Update every ${slug} document matching where`,
        operationId: op('updateMany'),
        security: SECURITY,
        parameters: LIST_PARAMETERS.filter((parameter) => parameter.name === 'where'),
        requestBody: { required: true, content: json(ref) },
        responses: { 200: { description: 'Updated.', content: json({ type: 'object' }) }, ...errorResponses([400, 403]) },
      },
      delete: {
        tags,
        summary: `Delete every ${slug} document matching where`,
        operationId: op('deleteMany'),
        security: SECURITY,
        parameters: LIST_PARAMETERS.filter((parameter) => parameter.name === 'where'),
        responses: { 200: { description: 'Deleted.', content: json({ type: 'object' }) }, ...errorResponses([400, 403]) },
      },
    },
    [`/api/${slug}/{id}`]: {
      get: { tags, summary: `One ${slug} document`, operationId: op('findByID'), security: SECURITY, parameters: [ID, ...DEPTH], responses: { 200: { description: 'The document.', content: json(ref) }, ...errorResponses([403, 404]) } },
      patch: {
        tags,
        summary: `Update one ${slug} document`,
        operationId: op('updateByID'),
        security: SECURITY,
        parameters: [ID],
        requestBody: { required: true, content: json(ref) },
        responses: { 200: { description: 'Updated.', content: json({ type: 'object', properties: { doc: ref, message: { type: 'string' } } }) }, ...errorResponses([400, 403, 404]) },
      },
      delete: { tags, summary: `Delete one ${slug} document`, operationId: op('deleteByID'), security: SECURITY, parameters: [ID], responses: { 200: { description: 'Deleted.', content: json({ type: 'object' }) }, ...errorResponses([403, 404]) } },
    },
  }
  if (collection.auth) {
    const credentials = { type: 'object', properties: { email: { type: 'string' }, username: { type: 'string' }, password: { type: 'string' } }, required: ['password'] }
    paths[`/api/${slug}/login`] = {
      post: { tags, summary: 'Sign in with email or username and password', operationId: op('login'), requestBody: { required: true, content: json(credentials) }, responses: { 200: { description: 'Signed in: a token and a cookie.', content: json({ type: 'object', properties: { token: { type: 'string' }, user: ref, exp: { type: 'integer' } } }) }, ...errorResponses([400, 401]) } },
    }
    paths[`/api/${slug}/logout`] = { post: { tags, summary: 'Sign out', operationId: op('logout'), security: SECURITY, responses: { 200: { description: 'Signed out.' } } } }
    paths[`/api/${slug}/me`] = { get: { tags, summary: 'The signed-in user', operationId: op('me'), security: SECURITY, responses: { 200: { description: 'The user, or null.', content: json({ type: 'object', properties: { user: { oneOf: [ref, { type: 'null' }] } } }) } } } }
  }
  return paths
}
