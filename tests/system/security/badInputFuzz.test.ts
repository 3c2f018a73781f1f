/**
 * Property-based fuzzing of the running CMS and site with fast-check: well over 1,000
 * generated bad inputs, each answered within FUZZ_REQUEST_TIMEOUT_MS, each a 2xx, a redirect or
 * a 4xx with a message, never a 5xx; refused writes change nothing. Prints
 * `fuzz: N inputs tried, M answered 5xx` (read by `npm run test:security`).
 * FUZZ_SEED=<n> replays a run.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { accountFormInputs } from '../../support/fuzz/accountFormInputs'
import { adminToken, call, createApiUser, type ApiUser } from '../../support/legacyApiClient'
import { readCollectionSchemas, type CollectionSchema } from '../../support/fuzz/collectionSchemas'
import { statesOf } from '../../support/fuzz/collectionState'
import { FuzzTally, type FuzzRequest } from '../../support/fuzz/FuzzTally'
import { graphqlInputs } from '../../support/fuzz/graphqlInputs'
import { legacyApiInputs } from '../../support/fuzz/legacyApiInputs'
import { restWriteInputs, writableTargets, type WriteTarget } from '../../support/fuzz/restWriteInputs'
import { searchInputs } from '../../support/fuzz/searchInputs'
import { sitePathInputs } from '../../support/fuzz/sitePathInputs'
import { storyInputs, type SiteForm } from '../../support/fuzz/storyInputs'
import { whereQueryInputs } from '../../support/fuzz/whereQueryInputs'

const cmsUrl = inject('cmsUrl')
const webUrl = inject('webUrl')
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
/** Upload collections are fuzzed by the uploads test; users are left alone (the admin signs in). */
const NOT_WRITE_FUZZED = new Set(['users', 'media', 'release-artifacts'])
/** A time box per target, so a slow machine shortens the run instead of stretching it. */
const TARGET_TIME_LIMIT_MS = 25_000

const tally = new FuzzTally()
let token: string
let schemas: CollectionSchema[]
let manager: ApiUser
let form: SiteForm
let accountForm: SiteForm
let cmsSearchPresent = false

async function fuzz(target: string, inputs: fc.Arbitrary<FuzzRequest>, numRuns: number, options: { mustRefuse?: boolean } = {}): Promise<void> {
  await fc.assert(
    fc.asyncProperty(inputs, async (request) => {
      await tally.send(target, request, options)
    }),
    { numRuns, seed, interruptAfterTimeLimit: TARGET_TIME_LIMIT_MS, markInterruptAsFailure: false },
  )
  expect(tally.findings.filter((finding) => finding.target === target)).toEqual([])
}

async function firstId(slug: string): Promise<number | null> {
  const answer = await call(cmsUrl, `/api/${slug}?limit=1&depth=0&draft=true`, { headers: { authorization: `JWT ${token}` } })
  return (answer.body as { docs: { id: number }[] }).docs[0]?.id ?? null
}

beforeAll(async () => {
  token = await adminToken(cmsUrl, inject('adminEmail'), inject('adminPassword'))
  schemas = await readCollectionSchemas(cmsUrl)
  manager = await createApiUser(cmsUrl, token, ['release-manager'], 'fuzz-rm')
  const page = await fetch(`${webUrl}/success-stories/create/`)
  form = {
    cookie: (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    token: /name="csrfToken" value="([^"]+)"/.exec(await page.text())?.[1] ?? '',
  }
  const signIn = await fetch(`${webUrl}/accounts/login/`)
  accountForm = {
    cookie: (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    token: /name="csrfToken" value="([^"]+)"/.exec(await signIn.text())?.[1] ?? '',
  }
  cmsSearchPresent = (await fetch(`${cmsUrl}/api/search?q=python`)).status !== 404
})

afterAll(async () => {
  console.log(`fuzz seed: ${seed} (FUZZ_SEED=${seed} replays it); search endpoint /api/search ${cmsSearchPresent ? 'present and fuzzed' : 'absent: only the site /search/ page fuzzed'}`)
  console.log(tally.breakdown())
  console.log(tally.summaryLine())
  if (manager) await call(cmsUrl, `/api/users/${manager.id}`, { method: 'DELETE', headers: { authorization: `JWT ${token}` } })
})

describe('bad input, fuzzed against the running CMS and site', () => {
  it('refuses invalid REST creates and updates of every collection with a 4xx, writing nothing', async () => {
    const targets: WriteTarget[] = []
    for (const collection of schemas.filter((schema) => !NOT_WRITE_FUZZED.has(schema.slug))) targets.push({ collection, existingId: await firstId(collection.slug) })
    const writable = writableTargets(targets)
    const slugs = writable.map((target) => target.collection.slug)
    const before = await statesOf(cmsUrl, token, slugs)
    await fuzz('rest-writes', restWriteInputs(cmsUrl, token, writable), 220, { mustRefuse: true })
    expect(await statesOf(cmsUrl, token, slugs)).toEqual(before)
  })

  it('answers hostile list queries (where, limit, page, depth, sort) with a 2xx or a 4xx', async () => {
    await fuzz('rest-queries', whereQueryInputs(cmsUrl, token, schemas), 260)
  })

  it('answers GraphQL past its limits and malformed GraphQL with errors, never a 5xx', async () => {
    const before = await statesOf(cmsUrl, token, ['pages', 'releases'])
    await fuzz('graphql', graphqlInputs(cmsUrl, token), 160)
    expect(await statesOf(cmsUrl, token, ['pages', 'releases'])).toEqual(before)
  })

  it('answers odd paths, encodings and query strings on the site with a page or a 4xx page', async () => {
    await fuzz('site-paths', sitePathInputs(webUrl), 220)
  })

  it('answers hostile search strings', async () => {
    await fuzz('search', searchInputs(webUrl, cmsUrl, cmsSearchPresent), 60)
  })

  it('refuses invalid legacy downloads API calls with a 4xx, writing nothing', async () => {
    const slugs = ['releases', 'release-files', 'operating-systems']
    const before = await statesOf(cmsUrl, token, slugs)
    await fuzz('legacy-api', legacyApiInputs(cmsUrl, manager.authorization), 160)
    expect(await statesOf(cmsUrl, token, slugs)).toEqual(before)
  })

  it('refuses invalid story submissions on the site form and the CMS endpoint, writing nothing', async () => {
    const before = await statesOf(cmsUrl, token, ['success-stories'])
    await fuzz('stories', storyInputs(webUrl, cmsUrl, form), 120)
    expect(await statesOf(cmsUrl, token, ['success-stories'])).toEqual(before)
  })

  it('refuses forged, token-less and bot posts to the account forms, and hostile mailed-link tokens, without a 5xx', async () => {
    await fuzz('account-forms', accountFormInputs(webUrl, accountForm), 100)
  })

  it('tried at least 1,000 inputs and none was answered with a 5xx', () => {
    expect(tally.total).toBeGreaterThanOrEqual(1_000)
    expect(tally.serverErrors).toBe(0)
  })
})
