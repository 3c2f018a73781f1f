import { describe, expect, inject, it } from 'vitest'

const cmsUrl = inject('cmsUrl')

async function getJson(path: string, init?: RequestInit): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${cmsUrl}${path}`, { ...init, redirect: 'manual' })
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers }
}

async function graphql(query: string, token?: string) {
  return getJson('/api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
    body: JSON.stringify({ query }),
  })
}

describe('the CMS over HTTP, on the seeded database', () => {
  it('reports its health', async () => {
    const { status, body, headers } = await getJson('/api/health')
    expect(status).toBe(200)
    expect(body).toEqual({ status: 'ok', database: 'ok' })
    expect(headers.get('cache-control')).toBe('no-store')
  })

  it('serves every seeded release, file and box over REST', async () => {
    // Seeded documents have no creator; other system tests add documents of their own.
    const seeded = 'limit=1&where[createdBy][exists]=false'
    expect((await getJson(`/api/releases?${seeded}`)).body.totalDocs).toBe(274)
    expect((await getJson(`/api/release-files?${seeded}`)).body.totalDocs).toBe(1085)
    expect((await getJson(`/api/boxes?${seeded}`)).body.totalDocs).toBe(63)
    expect((await getJson(`/api/navigation-items?${seeded}`)).body.totalDocs).toBe(115)
  })

  it('lists releases newest first by default', async () => {
    const { body } = await getJson('/api/releases?limit=3&depth=0')
    const docs = body.docs as { releaseDate: string }[]
    const dates = docs.map((doc) => doc.releaseDate)
    expect([...dates].sort().reverse()).toEqual(dates)
  })

  it('answers a GraphQL query for the latest releases', async () => {
    const { status, body } = await graphql('{ Releases(where: { isLatest: { equals: true } }, sort: "-version") { docs { name version } } }')
    expect(status).toBe(200)
    expect(body).toEqual({
      data: { Releases: { docs: [{ name: 'Python 3.14.7', version: 3 }, { name: 'Python 2.7.18', version: 2 }] } },
    })
  })

  it('refuses an anonymous release and writes nothing', async () => {
    const before = (await getJson('/api/releases?limit=1')).body.totalDocs
    const { status, body } = await getJson('/api/releases', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Python 9.9.9', version: 3, releaseDate: '2030-01-01' }),
    })
    expect(status).toBe(403)
    expect(body).toEqual({ errors: [{ message: 'You are not allowed to perform this action.' }] })
    expect((await getJson('/api/releases?limit=1')).body.totalDocs).toBe(before)
    expect((await getJson('/api/releases?where[name][equals]=Python%209.9.9')).body.totalDocs).toBe(0)
  })

  it('refuses an anonymous GraphQL mutation', async () => {
    const { body } = await graphql('mutation { createRelease(data: { name: "Python 9.9.8", version: 3, releaseDate: "2030-01-01" }) { id } }')
    expect((body.errors as { message: string }[])[0].message).toBe('You are not allowed to perform this action.')
    expect((await getJson('/api/releases?where[name][equals]=Python%209.9.8')).body.totalDocs).toBe(0)
  })

  it('hides unpublished releases from visitors', async () => {
    const { body } = await getJson('/api/releases?where[isPublished][equals]=false&limit=1')
    expect(body.totalDocs).toBe(0)
  })

  it('lets the configured admin sign in with the email, not with the guessable username (issue 18)', async () => {
    const byEmail = await getJson('/api/users/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: inject('adminEmail'), password: inject('adminPassword') }),
    })
    expect(byEmail.status).toBe(200)
    expect(byEmail.headers.get('set-cookie')).toMatch(/payload-token=.+; .*HttpOnly/i)
    const byUsername = await getJson('/api/users/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: inject('adminPassword') }),
    })
    expect(byUsername.status).toBe(400)
    expect(byUsername.headers.get('set-cookie') ?? '').not.toMatch(/payload-token=[^;]/)
    const wrong = await getJson('/api/users/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: inject('adminEmail'), password: 'not-the-password' }),
    })
    expect(wrong.status).toBe(401)
  })

  it('serves the admin panel', async () => {
    const response = await fetch(`${cmsUrl}/admin`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/text\/html/)
    expect(await response.text()).toContain('python.org CMS')
  })
})
