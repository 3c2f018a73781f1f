/**
 * The access table of issue 2 over HTTP against the running CMS: every GraphQL mutation Payload
 * generates (create, draft saves, duplicate, update, restore a version, delete, unlock, global
 * updates) for every collection and global of the config and every role; and python.org's
 * legacy downloads API (v1 and v2) per role's API key. Documents are set up and checked with the
 * Local API on the CMS's own database, and deleted afterwards (the site's tests read it).
 */
import type { GraphQLSchema } from 'graphql'
import type { Payload, SanitizedCollectionConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { ACCESS_TABLE, ACTORS, GLOBAL_ACCESS_TABLE, accessMatrixSummary, allowedActors, requiredOperations, type ActorName, type Operation } from '../support/accessExpectations'
import { TEST_PASSWORD, accessElection, accessFixtures, accessJob, createFixture, tinyPng, type AccessPrerequisites, type CollectionFixture } from '../support/accessFixtures'
import { createInternalPrerequisites, internalFixtures } from '../support/accessInternalFixtures'
import { looseLocalApi, type AnyDoc } from '../support/accessLocalApi'
import type { Outcome } from '../support/accessProbes'
import { formatAccessTable, formatMismatches, isMismatch, type AccessCase } from '../support/accessReport'
import {
  graphqlClient,
  probeGraphqlCreate,
  probeGraphqlDelete,
  probeGraphqlDuplicate,
  probeGraphqlRestoreVersion,
  probeGraphqlUnlock,
  probeGraphqlUpdate,
  probeGraphqlUpdateGlobal,
  type GraphqlProbeContext,
} from '../support/graphqlAccessProbes'
import { collectionMutations, globalUpdateMutation, graphqlSchemaOf, type CollectionMutations } from '../support/graphqlMutations'
import { LEGACY_ACCESS_TABLE, probeLegacy, type LegacyOperation } from '../support/legacyAccessProbes'
import { adminToken, call, createApiUser } from '../support/legacyApiClient'
import { connectToSystemDatabase } from '../support/systemLocalPayload'

const cmsUrl = inject('cmsUrl')
const STAFF_ROLES = ['editor', 'release-manager', 'moderator', 'jobs-moderator', 'psf-staff', 'sponsors-manager', 'admin'] as const
/** The operations that are GraphQL mutations (reads are queries, checked by the Local API matrix). */
const MUTATIONS: Partial<Record<Operation, keyof CollectionMutations>> = {
  create: 'create',
  createDraft: 'create',
  duplicate: 'duplicate',
  update: 'update',
  updateDraft: 'update',
  restoreVersion: 'restoreVersion',
  delete: 'delete',
  unlockOther: 'unlock',
  updateGenerated: 'update',
  deleteGenerated: 'delete',
}
const GLOBAL_PATCHES: Record<string, { field: string; value: unknown }> = { 'payload-jobs-stats': { field: 'stats', value: { access: 'probe' } }, 'sponsorship-settings': { field: 'closedMessage', value: 'probe' } }

let payload: Payload
let schema: GraphQLSchema
let adminJwt: string
let fixtures: Record<string, CollectionFixture>
let windowsOsId: number
let counter = 0
/** Everything made here, deleted in reverse order afterwards. */
const created: { collection: string; id: number }[] = []
const tokens: Partial<Record<ActorName, string>> = {}

async function make(collection: string, data: Record<string, unknown>): Promise<number> {
  const doc = await looseLocalApi(payload).create({ collection, data, overrideAccess: true })
  created.push({ collection, id: doc.id })
  return doc.id
}

/** A fixture document; uploads go through the CMS so their files are where it looks for them. */
async function fixtureDocument(collection: SanitizedCollectionConfig, kind: 'visible' | 'generated' = 'visible'): Promise<AnyDoc> {
  const fixture = fixtures[collection.slug]
  const input = kind === 'generated' && fixture.generated ? fixture.generated() : fixture.visible()
  if (!input.file) {
    const doc = await createFixture(payload, collection.slug, input)
    created.push({ collection: collection.slug, id: doc.id })
    return doc
  }
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(input.file.data)], { type: input.file.mimetype }), input.file.name)
  form.append('_payload', JSON.stringify(input.data))
  const answer = await call(cmsUrl, `/api/${collection.slug}`, { method: 'POST', headers: { authorization: `JWT ${adminJwt}` }, body: form })
  if (answer.status !== 201) throw new Error(`uploading a ${collection.slug} fixture: ${answer.status} ${answer.text}`)
  const doc = (answer.body as { doc: AnyDoc }).doc
  created.push({ collection: collection.slug, id: doc.id })
  return doc
}

async function systemPrerequisites(): Promise<AccessPrerequisites> {
  const osId = async (slug: string) => (await looseLocalApi(payload).find({ collection: 'operating-systems', where: { slug: { equals: slug } }, overrideAccess: true })).docs[0].id
  windowsOsId = await osId('windows')
  const jobCategoryId = await make('job-categories', { name: 'HTTP access job category' })
  const jobTypeId = await make('job-types', { name: 'HTTP access job type' })
  const jobId = await make('jobs', { ...accessJob(0, { jobCategoryId, jobTypeId }), title: 'HTTP access job', status: 'review' })
  const electionId = await make('elections', { ...accessElection(0), name: 'HTTP access election' })
  const nomineeId = await make('nominees', { election: electionId, account: 800_001, name: 'HTTP Access Nominee', slug: 'http-access-nominee' })
  return {
    electionId,
    nomineeId,
    calendarId: await make('calendars', { name: 'HTTP access calendar' }),
    windowsOsId,
    sourceOsId: await osId('source'),
    publishedReleaseId: await make('releases', { name: 'Python 3.95.0', version: 3, isPublished: true }),
    unpublishedReleaseId: await make('releases', { name: 'Python 3.95.1', version: 3, isPublished: false }),
    storyCategoryId: await make('story-categories', { name: 'HTTP access category' }),
    jobCategoryId,
    jobTypeId,
    sponsorshipProgramId: await make('sponsorship-programs', { name: 'HTTP access programme' }),
    sponsorshipPackageId: await make('sponsorship-packages', { name: 'HTTP access level', slug: 'http-access-level', year: 2026, sponsorshipAmount: 1000 }),
    ...(await (async () => {
      const sponsorId = await make('sponsors', { name: 'HTTP access sponsor' })
      return { sponsorId, sponsorshipId: await make('sponsorships', { sponsor: sponsorId, year: 2026 }) }
    })()),
    jobId,
  }
}

async function signIn(email: string, password: string): Promise<string> {
  const answer = await call(cmsUrl, '/api/users/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })
  if (answer.status !== 200) throw new Error(`login of ${email}: ${answer.status} ${answer.text}`)
  return (answer.body as { token: string }).token
}

function report(surface: string, results: AccessCase[], actors: readonly string[]): number {
  const mismatches = results.filter(isMismatch)
  console.log(`${formatAccessTable(results, actors)}\n${accessMatrixSummary(surface, results.length, mismatches.length)}`)
  if (mismatches.length > 0) console.log(formatMismatches(results))
  return mismatches.length
}

beforeAll(async () => {
  payload = await connectToSystemDatabase()
  schema = graphqlSchemaOf(payload.config)
  adminJwt = await adminToken(cmsUrl, inject('adminEmail'), inject('adminPassword'))
  for (const role of STAFF_ROLES) {
    const email = `http-access-${role}@example.org`
    await make('users', { email, username: `http-access-${role}`, password: TEST_PASSWORD, roles: [role] })
    tokens[role] = await signIn(email, TEST_PASSWORD)
  }
  const internals = await createInternalPrerequisites(payload)
  created.push({ collection: 'pages', id: internals.pageId }, { collection: 'users', id: internals.bystander.id })
  fixtures = { ...accessFixtures(await systemPrerequisites(), await tinyPng()), ...internalFixtures(internals) }
}, 300_000)

afterAll(async () => {
  if (!payload) return
  const api = looseLocalApi(payload)
  // Newest first; a document still in use (a category of a story) gets a second pass.
  let left = [...created].reverse()
  for (let pass = 0; pass < 3 && left.length > 0; pass++) {
    const failed: typeof left = []
    for (const doc of left) {
      const exists = await api.findByID({ collection: doc.collection, id: doc.id, overrideAccess: true, disableErrors: true })
      if (exists) await api.delete({ collection: doc.collection, id: doc.id, overrideAccess: true }).catch(() => failed.push(doc))
    }
    left = failed
  }
  await payload.destroy()
  expect(left, 'documents the test could not delete').toEqual([])
}, 300_000)

describe('GraphQL mutations over HTTP', () => {
  it('finds a create, update and delete mutation for every collection GraphQL serves', () => {
    const missing = payload.config.collections
      .filter((collection) => collection.graphQL !== false)
      .filter((collection) => {
        const mutations = collectionMutations(schema, collection)
        return !mutations.create || !mutations.update || !mutations.delete
      })
      .map((collection) => collection.slug)
    expect(missing).toEqual([])
  })

  it('matches the table for every collection, global, mutation and role', async () => {
    const context: GraphqlProbeContext = { schema, send: graphqlClient(cmsUrl, tokens), payload, created }
    const results: AccessCase[] = []
    const skipped: string[] = []

    const run = async (collection: SanitizedCollectionConfig, operation: Operation, mutation: string, actor: ActorName): Promise<Outcome> => {
      const slug = collection.slug
      const fixture = fixtures[slug]
      const upload = Boolean(collection.upload)
      switch (operation) {
        case 'create':
        case 'createDraft':
          return probeGraphqlCreate(context, slug, mutation, fixture.visible(), actor, { draft: operation === 'createDraft', upload })
        case 'update':
        case 'updateDraft':
          return probeGraphqlUpdate(context, slug, mutation, (await fixtureDocument(collection)).id, fixture.patch(), actor, { draft: operation === 'updateDraft' })
        case 'delete':
          return probeGraphqlDelete(context, slug, mutation, (await fixtureDocument(collection)).id, actor)
        case 'updateGenerated':
          return probeGraphqlUpdate(context, slug, mutation, (await fixtureDocument(collection, 'generated')).id, fixture.patch(), actor, { draft: false })
        case 'deleteGenerated':
          return probeGraphqlDelete(context, slug, mutation, (await fixtureDocument(collection, 'generated')).id, actor)
        case 'duplicate': {
          const fresh = { ...fixture.visible().data, ...(collection.flattenedFields.some((field) => field.name === 'slug') ? { slug: '' } : {}) }
          return probeGraphqlDuplicate(context, slug, mutation, (await fixtureDocument(collection)).id, fresh, actor)
        }
        case 'restoreVersion': {
          const doc = await fixtureDocument(collection)
          const patch = fixture.patch()
          await looseLocalApi(payload).update({ collection: slug, id: doc.id, data: { [patch.field]: patch.value }, overrideAccess: true })
          return probeGraphqlRestoreVersion(context, slug, mutation, doc.id, patch.field, actor)
        }
        case 'unlockOther': {
          const n = ++counter
          const email = `http-locked-${n}@example.org`
          const username = `http-locked-${n}`
          const id = await make('users', { email, username, password: TEST_PASSWORD, roles: ['editor'] })
          return probeGraphqlUnlock(context, mutation, { id, email, username }, actor)
        }
        default:
          return `unexpected: ${operation} is not a mutation`
      }
    }

    for (const collection of payload.config.collections) {
      const row = ACCESS_TABLE[collection.slug]
      if (!row || !fixtures[collection.slug]) throw new Error(`${collection.slug} has no row or fixture: see the Local API matrix`)
      const mutations = collectionMutations(schema, collection)
      for (const operation of requiredOperations(collection, fixtures[collection.slug].hidden !== undefined, fixtures[collection.slug].generated !== undefined)) {
        const kind = MUTATIONS[operation]
        if (kind === undefined) continue
        const mutation = mutations[kind]
        if (mutation === undefined) {
          skipped.push(`${collection.slug} ${operation} (GraphQL has no ${kind} mutation for it)`)
          continue
        }
        const allowed = allowedActors(row, operation) ?? []
        for (const actor of ACTORS) {
          const actual = await run(collection, operation, mutation, actor).catch((error: unknown): Outcome => `unexpected: ${String(error)}`)
          results.push({ collection: collection.slug, operation: `${operation} (${mutation})`, actor, expected: allowed.includes(actor) ? 'allowed' : 'denied', actual })
        }
      }
    }
    for (const global of payload.config.globals) {
      const mutation = globalUpdateMutation(schema, global)
      const allowed = GLOBAL_ACCESS_TABLE[global.slug]?.update
      if (!mutation || !allowed) {
        skipped.push(`global ${global.slug} update (${mutation ? 'no row in the table' : 'no GraphQL mutation'})`)
        continue
      }
      for (const actor of ACTORS) {
        const patch = GLOBAL_PATCHES[global.slug] ?? { field: 'accessProbe', value: 'probe' }
        const actual = await probeGraphqlUpdateGlobal(context, global.slug, mutation, patch, actor).catch((error: unknown): Outcome => `unexpected: ${String(error)}`)
        results.push({ collection: `global ${global.slug}`, operation: `update (${mutation})`, actor, expected: allowed.includes(actor) ? 'allowed' : 'denied', actual })
      }
    }

    if (skipped.length > 0) console.log(`not reachable over GraphQL:\n  ${skipped.join('\n  ')}`)
    const mismatches = report('GraphQL over HTTP', results, ACTORS)
    expect(mismatches, `GraphQL access mismatches:\n${formatMismatches(results)}`).toBe(0)
    // Past two minutes on a busy machine since the PSF's collections joined (issue 13): timed out,
    // it went on probing beside the next test, whose writes then read as leaks here.
  }, 600_000)
})

describe('the legacy downloads API over HTTP, per API key', () => {
  it('matches the table for every write, refused method and unpublished read, and role', async () => {
    const authorization: Partial<Record<ActorName, string>> = {}
    for (const role of STAFF_ROLES) {
      const user = await createApiUser(cmsUrl, adminJwt, [role], `legacy-${role}`)
      created.push({ collection: 'users', id: user.id })
      authorization[role] = user.authorization
    }
    const context = { cmsUrl, payload, authorization, windowsOsId, created, next: () => ++counter }
    const results: AccessCase[] = []
    for (const operation of Object.keys(LEGACY_ACCESS_TABLE) as LegacyOperation[]) {
      const allowed: readonly ActorName[] = LEGACY_ACCESS_TABLE[operation]
      for (const actor of ACTORS) {
        const actual = await probeLegacy(context, operation, actor).catch((error: unknown): Outcome => `unexpected: ${String(error)}`)
        results.push({ collection: 'downloads', operation, actor, expected: allowed.includes(actor) ? 'allowed' : 'denied', actual })
      }
    }
    const mismatches = report('legacy downloads API over HTTP', results, ACTORS)
    expect(mismatches, `legacy API access mismatches:\n${formatMismatches(results)}`).toBe(0)
  })
})
