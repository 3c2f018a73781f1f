/**
 * Property-based fuzzing of the running CMS and site with fast-check: well over 1,000
 * generated bad inputs, each answered within FUZZ_REQUEST_TIMEOUT_MS, each a 2xx, a redirect or
 * a 4xx with a message, never a 5xx; refused writes change nothing. Prints
 * `fuzz: N inputs tried, M answered 5xx` (read by `npm run test:security`).
 * FUZZ_SEED=<n> replays a run.
 */
import fc from 'fast-check'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { accountFormInputs } from '../../support/fuzz/accountFormInputs'
import { adminToken, call, createApiUser, type ApiUser } from '../../support/legacyApiClient'
import { readCollectionSchemas, type CollectionSchema } from '../../support/fuzz/collectionSchemas'
import { statesOf } from '../../support/fuzz/collectionState'
import { FuzzTally, type FuzzRequest } from '../../support/fuzz/FuzzTally'
import { graphqlInputs } from '../../support/fuzz/graphqlInputs'
import { jobInputs, type JobFuzzAccount } from '../../support/fuzz/jobInputs'
import { legacyApiInputs } from '../../support/fuzz/legacyApiInputs'
import { membershipInputs, type MemberSession } from '../../support/fuzz/membershipInputs'
import { restWriteInputs, writableTargets, type WriteTarget } from '../../support/fuzz/restWriteInputs'
import { logoPlacementInputs } from '../../support/fuzz/logoPlacementInputs'
import { searchInputs } from '../../support/fuzz/searchInputs'
import { sponsorshipAssetApiInputs } from '../../support/fuzz/sponsorshipAssetApiInputs'
import { sponsorshipInputs, type SponsorshipFuzzAccount } from '../../support/fuzz/sponsorshipInputs'
import { sitePathInputs } from '../../support/fuzz/sitePathInputs'
import { storyInputs, type SiteForm } from '../../support/fuzz/storyInputs'
import { whereQueryInputs } from '../../support/fuzz/whereQueryInputs'
import { cmsSessionOf, createVerifiedAccount, siteMemberForm } from '../../support/systemMember'
import { connectToSystemDatabase } from '../../support/systemLocalPayload'

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
let member: MemberSession
let applicant: SponsorshipFuzzAccount
let cmsSearchPresent = false
/** The Local API on the system stack's database, for accounts the fuzz acts as. */
let local: Payload

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

/**
 * A verified visitor's account, signed in on the CMS and on the site (its session cookie and a
 * form token from the posting form), with a draft posting of its own to edit.
 */
async function jobPoster(): Promise<JobFuzzAccount> {
  const poster = await createVerifiedAccount(local, 'fuzzposter')
  const accountToken = await cmsSessionOf(cmsUrl, poster)
  const category = await call(cmsUrl, '/api/job-categories?limit=1&depth=0')
  const categoryId = (category.body as { docs: { id: number }[] }).docs[0]?.id
  const draft = await call(cmsUrl, '/api/jobs', {
    method: 'POST',
    headers: { authorization: `JWT ${accountToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Fuzz draft', companyName: 'Fuzz Ltd', category: categoryId, city: 'Lisbon', country: 'Portugal', description: 'Python.', requirements: 'Python.', email: poster.email, url: 'https://example.org/jobs/' }),
  })
  expect(draft.status, draft.text).toBe(201)
  const session = `pydotorg_session=${accountToken}`
  const formPage = await fetch(`${webUrl}/jobs/create/`, { headers: { cookie: session } })
  const csrfCookie = (formPage.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const csrfToken = /name="csrfToken" value="([^"]+)"/.exec(await formPage.text())?.[1] ?? ''
  expect(csrfToken).not.toBe('')
  return { token: accountToken, siteCookie: `${session}; ${csrfCookie}`, csrfToken, draftId: (draft.body as { doc: { id: number } }).doc.id }
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
  // A verified account that is not a PSF member, signed in on the CMS and on the site.
  local = await connectToSystemDatabase()
  const account = await createVerifiedAccount(local, 'fuzzmember')
  member = { cmsSession: await cmsSessionOf(cmsUrl, account), site: await siteMemberForm(webUrl, account) }
  // A verified account that is nobody's sponsor contact and has no sponsorship.
  const sponsorApplicant = await createVerifiedAccount(local, 'fuzzsponsor')
  applicant = { cmsSession: await cmsSessionOf(cmsUrl, sponsorApplicant), site: await siteMemberForm(webUrl, sponsorApplicant, '/sponsors/application/') }
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

  it('answers the logo placement API\'s bad parameters with a 400 naming them (issue 17)', async () => {
    await fuzz('logo-placement', logoPlacementInputs(cmsUrl), 80)
  })

  it('answers the sponsorship assets API\'s bad parameters with a 400 naming them (issue 17)', async () => {
    await fuzz('sponsorship-assets-api', sponsorshipAssetApiInputs(cmsUrl), 60)
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

  it('refuses invalid job postings and edits from a signed-in account, on the site\'s forms and the CMS\'s routes, writing nothing (issue 12)', async () => {
    const account = await jobPoster()
    const before = await statesOf(cmsUrl, token, ['jobs', 'job-review-comments'])
    await fuzz('jobs', jobInputs(webUrl, cmsUrl, account), 140, { mustRefuse: true })
    expect(await statesOf(cmsUrl, token, ['jobs', 'job-review-comments'])).toEqual(before)
  })

  it('refuses forged, token-less and bot posts to the account forms, and hostile mailed-link tokens, without a 5xx', async () => {
    await fuzz('account-forms', accountFormInputs(webUrl, accountForm), 100)
  })

  it('refuses invalid PSF membership sign-ups, edits and exports on the CMS and the site forms, writing nothing', async () => {
    const before = await statesOf(cmsUrl, token, ['memberships'])
    await fuzz('memberships', membershipInputs(webUrl, cmsUrl, member), 100, { mustRefuse: true })
    expect(await statesOf(cmsUrl, token, ['memberships'])).toEqual(before)
  })

  it('refuses invalid sponsorship applications and asset fills on the CMS and the site forms, writing nothing (issue 17)', async () => {
    const slugs = ['sponsors', 'sponsorships', 'sponsorship-assets']
    const before = await statesOf(cmsUrl, token, slugs)
    await fuzz('sponsorships', sponsorshipInputs(webUrl, cmsUrl, applicant), 120, { mustRefuse: true })
    expect(await statesOf(cmsUrl, token, slugs)).toEqual(before)
  })

  it('tried at least 1,000 inputs and none was answered with a 5xx', () => {
    expect(tally.total).toBeGreaterThanOrEqual(1_000)
    expect(tally.serverErrors).toBe(0)
  })
})
