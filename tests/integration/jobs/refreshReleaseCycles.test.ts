import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { runJobByHand } from '../../../cms/jobs/runJobByHand'
import { readFeedFixture, startFixtureHttpServer, type FixtureHttpServer } from '../../support/fixtureHttpServer'
import { snapshotCollection } from '../../support/jobsTesting'
import { createTestPayload } from '../../support/testPayload'

// The fixture feeds are served on 127.0.0.1, which feed fetches refuse unless told (cms/config/feedFetchEnv.ts).
process.env.FEED_FETCH_ALLOW_PRIVATE = 'true'

const CYCLES_PATH = '/api/release-cycle.json'

const TRUNCATED_JSON = '{"3.15": {"branch": "main", "pep": 790, "status": "feat'

/** The message JSON.parse throws for the text on this Node. */
function jsonParseError(text: string): string {
  try {
    JSON.parse(text)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error(`${text} is JSON`)
}

describe('the refreshReleaseCycles job, against a fixture release-cycle.json served over HTTP', () => {
  let payload: Payload
  let server: FixtureHttpServer
  let document: string
  let python3147Id: number

  const serveDocument = (body: string, status = 200) => server.serve(CYCLES_PATH, { status, contentType: 'application/json', body })
  const cycles = async () =>
    (await payload.find({ collection: 'release-cycles', sort: '-firstRelease', limit: 0, pagination: false, depth: 0 })).docs.map((doc) => ({
      cycle: doc.cycle,
      status: doc.status,
      firstRelease: doc.firstRelease,
      endOfLife: doc.endOfLife,
      pep: doc.pep ?? null,
      latestRelease: doc.latestRelease ?? null,
    }))

  beforeAll(async () => {
    server = await startFixtureHttpServer()
    document = await readFeedFixture('release-cycle.json')
    payload = await createTestPayload('jobs_release_cycles', { RELEASE_CYCLE_URL: server.url(CYCLES_PATH) })
    python3147Id = (await payload.create({ collection: 'releases', data: { name: 'Python 3.14.7', version: 3, releaseDate: '2026-01-13T00:00:00.000Z', isPublished: true } })).id
    // What the seed holds (shared/data/releases.json): dates, a status computed from them, no PEP.
    for (const [cycle, status, firstRelease, endOfLife] of [
      ['3.14', 'bugfix', '2025-10-07T00:00:00.000Z', '2030-10-31T00:00:00.000Z'],
      ['3.9', 'security', '2020-10-05T00:00:00.000Z', '2025-10-31T00:00:00.000Z'],
      ['3.8', 'end-of-life', '2019-10-14T00:00:00.000Z', '2024-10-07T00:00:00.000Z'],
    ] as const) {
      await payload.create({ collection: 'release-cycles', data: { cycle, status, firstRelease, endOfLife, latestRelease: cycle === '3.14' ? python3147Id : null } })
    }
  })
  afterAll(async () => {
    await payload?.destroy()
    await server?.close()
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it("keeps the seeded cycles until it runs, then takes peps.python.org's statuses, dates and PEPs", async () => {
    expect((await cycles()).map((cycle) => [cycle.cycle, cycle.status, cycle.pep])).toEqual([
      ['3.14', 'bugfix', null],
      ['3.9', 'security', null],
      ['3.8', 'end-of-life', null],
    ])
    serveDocument(document)
    const result = await runJobByHand(payload, 'refreshReleaseCycles')

    expect(result).toEqual({ jobId: expect.anything(), state: 'succeeded', output: { created: 6, updated: 2, unchanged: 0 } })
    expect(await cycles()).toEqual([
      { cycle: '3.15', status: 'feature', firstRelease: '2026-10-01T00:00:00.000Z', endOfLife: '2031-10-31T00:00:00.000Z', pep: 790, latestRelease: null },
      { cycle: '3.14', status: 'bugfix', firstRelease: '2025-10-07T00:00:00.000Z', endOfLife: '2030-10-31T00:00:00.000Z', pep: 745, latestRelease: python3147Id },
      { cycle: '3.13', status: 'bugfix', firstRelease: '2024-10-07T00:00:00.000Z', endOfLife: '2029-10-31T00:00:00.000Z', pep: 719, latestRelease: null },
      { cycle: '3.12', status: 'security', firstRelease: '2023-10-02T00:00:00.000Z', endOfLife: '2028-10-31T00:00:00.000Z', pep: 693, latestRelease: null },
      { cycle: '3.11', status: 'security', firstRelease: '2022-10-24T00:00:00.000Z', endOfLife: '2027-10-31T00:00:00.000Z', pep: 664, latestRelease: null },
      { cycle: '3.10', status: 'security', firstRelease: '2021-10-04T00:00:00.000Z', endOfLife: '2026-10-31T00:00:00.000Z', pep: 619, latestRelease: null },
      { cycle: '3.9', status: 'end-of-life', firstRelease: '2020-10-05T00:00:00.000Z', endOfLife: '2025-10-31T00:00:00.000Z', pep: 596, latestRelease: null },
      // Not in the document: kept as it was.
      { cycle: '3.8', status: 'end-of-life', firstRelease: '2019-10-14T00:00:00.000Z', endOfLife: '2024-10-07T00:00:00.000Z', pep: null, latestRelease: null },
      { cycle: '2.7', status: 'end-of-life', firstRelease: '2010-07-03T00:00:00.000Z', endOfLife: '2020-01-01T00:00:00.000Z', pep: 373, latestRelease: null },
    ])
    expect(server.requests.map((request) => [request.url, request.headers.accept])).toEqual([[CYCLES_PATH, 'application/json']])
  })

  it('changes nothing when the same document is read again', async () => {
    const before = await snapshotCollection(payload, 'release-cycles')
    const result = await runJobByHand(payload, 'refreshReleaseCycles')

    expect(result).toMatchObject({ state: 'succeeded', output: { created: 0, updated: 0, unchanged: 8 } })
    expect(await snapshotCollection(payload, 'release-cycles')).toEqual(before)
  })

  it.each([
    // The parser's own words, which differ between Node versions (24 adds the line and column).
    ['truncated JSON', TRUNCATED_JSON, `is not JSON (${jsonParseError(TRUNCATED_JSON)})`],
    ['an unknown status', '{"3.16": {"pep": 800, "status": "planned", "first_release": "2027-10-01", "end_of_life": "2032-10"}}', 'cycle "3.16": status "planned" is not one of feature, prerelease, bugfix, security, end-of-life'],
    ['a date that is not one', '{"3.16": {"pep": 800, "status": "feature", "first_release": "2027-02-30", "end_of_life": "2032-10"}}', 'cycle "3.16": "2027-02-30" is not a real date'],
    ['a cycle that is not a version', '{"main": {"pep": 800, "status": "feature", "first_release": "2027-10-01", "end_of_life": "2032-10"}}', 'cycle "main": a cycle is a major.minor version, like 3.14'],
    ['no cycle at all', '{}', 'lists no release cycle'],
    ['a list instead of an object', '[]', 'must be an object keyed by release cycle, like {"3.14": {...}}'],
  ])('fails on %s with a logged error and changes nothing', async (_case, body, problem) => {
    const logged = vi.spyOn(payload.logger, 'error')
    const before = await snapshotCollection(payload, 'release-cycles')
    serveDocument(body)
    const result = await runJobByHand(payload, 'refreshReleaseCycles')

    const message = `${server.url(CYCLES_PATH)}: ${problem}`
    expect(result).toEqual({ jobId: expect.anything(), state: 'retrying', error: message, retryAt: expect.any(String) })
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ err: expect.objectContaining({ message }), taskSlug: 'refreshReleaseCycles' }))
    expect(await snapshotCollection(payload, 'release-cycles')).toEqual(before)
    serveDocument(document)
  })
})
