/**
 * Each request here was answered 5xx (or did something worse) until the fix named beside it;
 * the fuzz found them. Now each is a 4xx with a message, quickly.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { adminToken, call, type HttpAnswer } from '../../support/legacyApiClient'

const cmsUrl = inject('cmsUrl')
const webUrl = inject('webUrl')
let token: string
const created: string[] = []

function message(answer: HttpAnswer): string {
  const body = answer.body as { errors?: { message?: string }[] | Record<string, string>; error_message?: string } | null
  if (body?.error_message) return body.error_message
  if (Array.isArray(body?.errors)) return body.errors.map((error) => error.message ?? '').join(' ')
  return answer.text
}

function asAdmin(method: string, path: string, body?: string, contentType = 'application/json'): Promise<HttpAnswer> {
  return call(cmsUrl, path, { method, headers: { authorization: `JWT ${token}`, 'content-type': contentType }, body })
}

function graphql(body: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return call(cmsUrl, '/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `JWT ${token}`, ...headers }, body })
}

beforeAll(async () => {
  token = await adminToken(cmsUrl, inject('adminEmail'), inject('adminPassword'))
})

afterAll(async () => {
  for (const path of created) await asAdmin('DELETE', path)
})

describe('REST list queries that reached Postgres as they came (cms/errors/answerRequestErrors)', () => {
  it.each([
    ['an id past the integer range', '/api/releases?where[id][equals]=99999999999', 'out of range'],
    ['a NUL byte in a slug', '/api/releases?where[slug][equals]=%00', 'NUL'],
    ['a boolean spelled "maybe"', '/api/releases?where[isLatest][equals]=maybe', "not of the field's type"],
    ['a negative page', '/api/releases?page=-1', 'negative limit or page'],
    ['a limit past bigint', '/api/releases?limit=99999999999999999999', 'out of range'],
    ['a date in the year 99999', '/api/releases?where[releaseDate][greater_than]=99999-01-01', 'Check the query'],
    ['contains on an id', '/api/releases?where[id][contains]=abc', 'operator'],
    ['a text id', '/api/releases/abc', 'not a document id'],
  ])('%s is a 400', async (_case, path, expected) => {
    const answer = await call(cmsUrl, path)
    expect(answer.status).toBe(400)
    expect(message(answer)).toContain(expected)
  })
})

describe('REST input Payload crashed on (cms/requestGuards)', () => {
  it.each([
    ['the unimplemented "all" operator', '/api/media?where[mimeType][all]=x', '"all" is not supported'],
    ['a geographic operator', '/api/releases?where[name][near]=1,2', '"near" is not supported'],
    ['text matching on a date (broken SQL)', '/api/releases?where[releaseDate][not_like]=2.4e%2B166', 'is a date field'],
  ])('%s is a 400', async (_case, path, expected) => {
    const answer = await call(cmsUrl, path)
    expect(answer.status).toBe(400)
    expect(message(answer)).toContain(expected)
  })

  it('refuses bodies that are not a JSON object of fields, however they arrive', async () => {
    for (const [body, type] of [['{"name":null}', 'text/plain'], ['{"name":null}', 'application/x-www-form-urlencoded'], ['42', 'application/json'], ['"text"', 'application/json'], ['null', 'application/json']]) {
      const answer = await asAdmin('POST', '/api/operating-systems', body, type)
      expect(answer.status, `${type} ${body}`).toBe(400)
      expect(message(answer)).toContain('JSON object of its fields')
    }
    const multipart = await asAdmin('POST', '/api/operating-systems', '{"name":null}', 'multipart/form-data; boundary=x')
    expect(multipart.status).toBe(400)
    expect(message(multipart)).toContain('multipart body could not be read')
    const deep = await asAdmin('POST', '/api/operating-systems', `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`)
    expect(deep.status).toBe(400)
    expect(message(deep)).toContain('nests deeper than 100 levels')
    const invalidJson = await asAdmin('POST', '/api/pages', '{"title":')
    expect(invalidJson.status).toBe(400)
    expect(message(invalidJson)).toBe('Invalid JSON')
  })

  it('refuses an emptied required field that only the database noticed (NOT NULL) with a 400', async () => {
    const sample = (await call(cmsUrl, '/api/code-samples?limit=1&depth=0')).body as { docs: { id: number }[] }
    const answer = await asAdmin('PATCH', `/api/code-samples/${sample.docs[0]?.id}`, '{"copy":null}')
    expect(answer.status).toBe(400)
    expect(message(answer)).toContain('required field')
  })

  it('does not read /api/pages/<id>abc as page <id>: a DELETE of it deletes nothing', async () => {
    const page = await asAdmin('POST', '/api/pages', JSON.stringify({ title: 'Id parsing', path: `/security-id-parsing-${Date.now()}/` }))
    expect(page.status).toBe(201)
    const id = (page.body as { doc: { id: number } }).doc.id
    created.push(`/api/pages/${id}`)
    for (const suffix of ['abc', "'", '%3B1', 'e0', '.0']) {
      const answer = await asAdmin('DELETE', `/api/pages/${id}${suffix}`)
      expect(answer.status, suffix).toBe(400)
      expect(message(answer)).toContain('is not a document id')
    }
    expect((await asAdmin('GET', `/api/pages/${id}?depth=0`)).status).toBe(200)
  })

  it('answers PUT with a 405 that names the allowed methods', async () => {
    const rest = await call(cmsUrl, '/api/pages/1', { method: 'PUT', body: '{}' })
    expect([rest.status, rest.headers.get('allow'), message(rest)]).toEqual([405, 'GET, POST, PATCH, DELETE', 'PUT is not allowed here; allowed: GET, POST, PATCH, DELETE. Update a document with PATCH.'])
    const legacy = await call(cmsUrl, '/api/v1/downloads/release/', { method: 'PUT', body: '{}' })
    expect([legacy.status, legacy.headers.get('allow')]).toEqual([405, 'GET, POST, DELETE'])
    expect(message(legacy)).toContain("python.org's downloads API has no PUT")
  })
})

describe('GraphQL requests Payload could not answer (cms/graphql/answerMalformedRequests)', () => {
  it('answers a body that is not JSON with a 400, and one that is not JSON at all with a 415', async () => {
    const invalid = await graphql('{"query":')
    expect([invalid.status, message(invalid)]).toEqual([400, 'The request body is not valid JSON: send {"query": "...", "variables": {...}}.'])
    const text = await call(cmsUrl, '/api/graphql', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{ Releases { totalDocs } }' })
    expect(text.status).toBe(415)
    const get = await call(cmsUrl, '/api/graphql?query=%7B%7D')
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST'])
  })

  it('refuses subscriptions, fragment cycles and fragment fan-outs before validating them, at once', async () => {
    const fanOut = Array.from({ length: 40 }, (_unused, index) => (index === 39 ? `fragment F${index} on Release { name }` : `fragment F${index} on Release { ...F${index + 1} ...F${index + 1} }`))
    const started = Date.now()
    for (const [query, expected] of [
      ['subscription { Releases { docs { name } } }', 'no subscriptions'],
      ['fragment A on Release { name ...B } fragment B on Release { slug ...A } { Releases { docs { ...A } } }', 'spreads itself'],
      [`{ Releases { docs { ...F0 } } } ${fanOut.join(' ')}`, 'more than 5000 fields'],
    ]) {
      const answer = await graphql(JSON.stringify({ query }))
      expect(answer.status, query.slice(0, 30)).toBe(200)
      expect(message(answer)).toContain(expected)
      const strict = await graphql(JSON.stringify({ query }), { accept: 'application/graphql-response+json' })
      expect(strict.status).toBe(400)
    }
    expect(Date.now() - started).toBeLessThan(10_000)
  })
})

describe('the site (web/src/middleware/setUpPathGuard, web/src/services/pageService)', () => {
  it('answers a NUL in a slug with a 404 page instead of passing it to the CMS (it was a 503)', async () => {
    const response = await fetch(`${webUrl}/downloads/release/%00/`)
    expect(response.status).toBe(404)
    expect(await response.text()).toContain('control characters')
  })

  it('answers a long segment before a non-page character at once (a ReDoS kept a renderer busy for good)', async () => {
    const started = Date.now()
    for (const path of [`/blogs/${'a'.repeat(3_000)}/x/%C3%BCber/`, `/about/${'a'.repeat(3_000)}/%252e%252e%252f/`]) {
      const response = await fetch(`${webUrl}${path}`, { signal: AbortSignal.timeout(10_000) })
      expect(response.status).toBe(404)
      await response.text()
    }
    expect(Date.now() - started).toBeLessThan(5_000)
    expect((await fetch(`${webUrl}/`)).status).toBe(200)
  })
})

describe('the legacy downloads API', () => {
  it('answers a resource URI past the integer range with a 400 naming the field', async () => {
    const answer = await call(cmsUrl, '/api/v1/downloads/release_file/?release=99999999999')
    expect(answer.status).toBe(400)
    expect(message(answer)).toContain('out of range')
  })
})
