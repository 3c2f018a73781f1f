import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, inject, it } from 'vitest'

import { call } from '../support/legacyApiClient'

const cmsUrl = inject('cmsUrl')

const COLLECTIONS = [
  'users', 'media', 'pages', 'boxes', 'navigation-items', 'operating-systems', 'releases', 'release-files', 'release-cycles',
  'calendars', 'event-categories', 'event-locations', 'events', 'success-stories', 'story-categories', 'code-samples', 'banners', 'redirects',
]

/** GraphQL over HTTP with `application/json` answers a rejected query with 200 and `errors` (no `data`). */
function rejection(answer: { status: number; body: unknown }): string[] {
  expect(answer.status).toBe(200)
  const body = answer.body as { data?: unknown; errors: { message: string }[] }
  expect(body.data).toBeUndefined()
  return body.errors.map((error) => error.message)
}

function graphql(query: string) {
  return call(cmsUrl, '/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
}

describe('the OpenAPI document and the docs page', () => {
  it('serves a valid OpenAPI 3.1 document listing every collection and the legacy API', async () => {
    const answer = await call(cmsUrl, '/api/openapi.json')
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
    expect(answer.headers.get('cache-control')).toBe('public, max-age=300')
    const validator = new Validator()
    const result = await validator.validate(answer.body as Parameters<Validator['validate']>[0])
    expect(result.errors).toBeUndefined()
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
    const paths = Object.keys((answer.body as { paths: Record<string, unknown> }).paths)
    for (const slug of COLLECTIONS) expect(paths).toContain(`/api/${slug}`)
    for (const resource of ['os', 'release', 'release_file']) {
      expect(paths).toContain(`/api/v1/downloads/${resource}/`)
      expect(paths).toContain(`/api/v1/downloads/${resource}/{id}/`)
      expect(paths).toContain(`/api/v2/downloads/${resource}/`)
    }
    // The account half's own endpoints (cms/endpoints/apiDocs/accountApiPaths.ts) and the sponsors' API.
    for (const path of [
      '/api/accounts/signup', '/api/accounts/signin', '/api/accounts/signout', '/api/accounts/verify', '/api/accounts/forgot', '/api/accounts/reset',
      '/api/accounts/me', '/api/accounts/me/password', '/api/accounts/me/email', '/api/accounts/profile/{username}', '/api/accounts/{id}/resend-verification',
      '/api/memberships/me', '/api/memberships/me/affirm', '/api/memberships/export.csv', '/api/jobs/review-queue', '/api/jobs/{id}/review',
      '/api/nominations/invitation', '/api/success-stories/submit', '/api/v2/sponsors/logo-placement/',
    ]) {
      expect(paths).toContain(path)
    }
  })

  it('serves a human docs page', async () => {
    const answer = await call(cmsUrl, '/api/docs')
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(answer.headers.get('cache-control')).toBe('public, max-age=300')
    expect(answer.text).toContain('/api/v1/downloads/release_file/')
    expect(answer.text).toContain('href="/api/openapi.json"')
  })
})

describe('GraphQL limits', () => {
  it('answers an ordinary query: the latest release per version with its download files', async () => {
    const answer = await graphql('{ Releases(where: { isLatest: { equals: true } }, sort: "-version") { docs { name files { docs { name os { slug } } } } } }')
    expect(answer.status).toBe(200)
    const docs = (answer.body as { data: { Releases: { docs: { name: string }[] } } }).data.Releases.docs
    expect(docs.map((doc) => doc.name)).toEqual(['Python 3.14.7', 'Python 2.7.18'])
  })

  it('rejects a query nested too deep', async () => {
    const deep = '{ ReleaseFiles { docs { release { files { docs { release { files { docs { release { files { totalDocs } } } } } } } } } } }'
    expect(rejection(await graphql(deep))).toEqual([
      'The query is nested 11 levels deep; the limit is 10. Ask for less, or split the query.',
    ])
  })

  it('rejects a query with too many aliases', async () => {
    const aliases = Array.from({ length: 21 }, (_, index) => `a${index}: Releases(limit: 1) { totalDocs }`).join(' ')
    expect(rejection(await graphql(`query Many { ${aliases} }`))).toEqual([
      'Operation "Many" uses 21 aliases; the limit is 20. Ask for less, or split the query.',
    ])
  })

  it('rejects an over-complex query within the depth and alias limits', async () => {
    const heavy = 'docs { releasePage { id } files { docs { os { id } release { releasePage { id } files { docs { os { id } } } } } } }'
    const aliases = Array.from({ length: 20 }, (_, index) => `r${index}: Releases { ${heavy} }`).join(' ')
    const messages = rejection(await graphql(`{ ${aliases} }`))
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(/^The query exceeds the maximum complexity of 1000\. Actual complexity is \d+$/)
  })
})

describe('light list defaults', () => {
  it('populates a release into its files with its identity only (no content, no file list)', async () => {
    const answer = await call(cmsUrl, '/api/release-files?limit=1&depth=1')
    const doc = (answer.body as { docs: { release: Record<string, unknown>; os: Record<string, unknown> }[] }).docs[0]
    expect(Object.keys(doc.release).sort()).toEqual(['id', 'isLatest', 'isPublished', 'name', 'preRelease', 'releaseDate', 'slug', 'version'])
    expect(Object.keys(doc.os).sort()).toEqual(['id', 'name', 'slug'])
  })
})

describe("the README's REST examples", () => {
  it('lists the download-button files of the latest releases, per OS', async () => {
    const answer = await call(
      cmsUrl,
      '/api/release-files?where[release.isLatest][equals]=true&where[downloadButton][equals]=true&depth=1&select[name]=true&select[url]=true&select[os]=true&select[release]=true',
    )
    expect(answer.status).toBe(200)
    const docs = (answer.body as { docs: { name: string; os: { slug: string }; release: { name: string } }[] }).docs
    expect(docs.length).toBeGreaterThan(0)
    expect(new Set(docs.map((doc) => doc.release.name))).toEqual(new Set(['Python 3.14.7', 'Python 2.7.18']))
    expect(docs.filter((doc) => doc.release.name === 'Python 3.14.7').map((doc) => doc.os.slug).sort()).toEqual(['macos', 'windows'])
  })

  it('lists upcoming events and the stories of one category', async () => {
    const now = new Date().toISOString()
    const events = await call(cmsUrl, `/api/events?where[occurrences.start][greater_than_equal]=${now}&sort=occurrences.start&limit=10&depth=0`)
    expect(events.status).toBe(200)
    expect((events.body as { totalDocs: number }).totalDocs).toBeGreaterThan(0)
    const stories = await call(cmsUrl, '/api/success-stories?where[category.slug][equals]=education&depth=0&select[name]=true&select[slug]=true')
    expect(stories.status).toBe(200)
    expect(Array.isArray((stories.body as { docs: unknown[] }).docs)).toBe(true)
  })
})
