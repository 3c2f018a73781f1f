import type { SanitizedConfig } from 'payload'

import { ACCOUNT_API_TAGS, accountApiPaths, accountComponents, accountSessionScheme } from './accountApiPaths'
import { collectionPaths, collectionSchema } from './collectionPaths'
import { schemaName } from './fieldSchemas'
import { legacyComponents, legacyPaths } from './legacyApiPaths'
import { searchApiPaths, searchComponents } from './searchApiPath'
import { sponsorsApiPaths, sponsorsComponents } from './sponsorsApiPath'

/** Payload's own bookkeeping collections, not part of the public API. */
function isPublicCollection(slug: string): boolean {
  return !slug.startsWith('payload-')
}

/**
 * The OpenAPI 3.1 description of the CMS's HTTP API, built from the live config: Payload's REST
 * endpoints for every collection, GraphQL, health, the site search, python.org's legacy downloads APIs, its sponsor logo placement API,
 * and the account half's own endpoints (sign-up and sign-in, own account and membership, job review, nomination invitations, story submissions).
 */
export function buildOpenApiDocument(config: Pick<SanitizedConfig, 'collections' | 'serverURL'>): Record<string, unknown> {
  const collections = config.collections.filter((collection) => isPublicCollection(collection.slug))
  const schemas: Record<string, unknown> = {
    PayloadErrors: {
      type: 'object',
      properties: { errors: { type: 'array', items: { type: 'object', properties: { message: { type: 'string' }, name: { type: 'string' }, data: {} }, required: ['message'] } } },
      required: ['errors'],
    },
    ...legacyComponents(),
    ...searchComponents(),
    ...sponsorsComponents(),
    ...accountComponents(),
  }
  let paths: Record<string, unknown> = {}
  for (const collection of collections) {
    schemas[schemaName(collection.slug)] = collectionSchema(collection)
    paths = { ...paths, ...collectionPaths(collection) }
  }
  paths['/api/graphql'] = {
    post: {
      tags: ['GraphQL'],
      summary: 'GraphQL (depth, alias and complexity limited)',
      operationId: 'graphql',
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { type: 'object', properties: { query: { type: 'string' }, variables: { type: 'object' } }, required: ['query'] } } },
      },
      responses: { 200: { description: 'data and/or errors' }, 400: { description: 'An invalid or over-limit query.' } },
    },
  }
  paths['/api/health'] = {
    get: { tags: ['Operations'], summary: 'Health of the CMS and its database', operationId: 'health', responses: { 200: { description: 'Healthy.' }, 503: { description: 'The database is unreachable.' } } },
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'python.org content API',
      version: '1.0.0',
      description:
        "Payload's REST API for every collection (see /api/graphql for GraphQL), and python.org's legacy downloads APIs (/api/v1/downloads/, /api/v2/downloads/) for the release tooling.",
    },
    servers: [{ url: config.serverURL || '/' }],
    tags: [...collections.map((collection) => ({ name: collection.slug })), { name: 'Legacy downloads API' }, { name: 'Downloads API v2 (read-only)' }, { name: 'Search' }, { name: 'Sponsors' }, ...ACCOUNT_API_TAGS.map((name) => ({ name })), { name: 'GraphQL' }, { name: 'Operations' }],
    paths: { ...paths, ...searchApiPaths(), ...sponsorsApiPaths(), ...accountApiPaths(), ...legacyPaths() },
    components: {
      schemas,
      securitySchemes: {
        payloadApiKey: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'users API-Key <key>' },
        payloadJwt: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'JWT <token> (from /api/users/login)' },
        payloadCookie: { type: 'apiKey', in: 'cookie', name: 'payload-token' },
        accountSession: accountSessionScheme,
        legacyApiKey: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'ApiKey <username>:<key> (legacy /api/v1/ and /api/v2/ only)' },
      },
    },
  }
}
