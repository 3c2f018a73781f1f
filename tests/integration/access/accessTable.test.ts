import type { Payload, SanitizedCollectionConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../../collections/generated/payload-types'
import type { Role } from '../../../collections/access/roles'
import {
  LOCAL_API_ACTORS,
  OWN_PROFILE_OPERATIONS,
  accessMatrixSummary,
  allowedActors,
  requiredGlobalOperations,
  requiredOperations,
  tableProblems,
  ACCESS_TABLE,
  GLOBAL_ACCESS_TABLE,
  type ActorName,
  type Operation,
} from '../../support/accessExpectations'
import {
  accessFixtures,
  createAccessPrerequisites,
  createFixture,
  tinyPng,
  type CollectionFixture,
} from '../../support/accessFixtures'
import { probeReadGlobal, probeUpdateGlobal } from '../../support/accessGlobalProbes'
import { createInternalPrerequisites, internalFixtures } from '../../support/accessInternalFixtures'
import { looseLocalApi, type AnyDoc } from '../../support/accessLocalApi'
import { isForbidden, probeCreate, probeDelete, probeRead, probeReadVersions, probeUpdate, type Outcome } from '../../support/accessProbes'
import { formatAccessTable, formatMismatches, isMismatch, type AccessCase } from '../../support/accessReport'
import {
  createRoleUsers,
  createUserWithApiKey,
  probeEnableOwnApiKey,
  probeGrantOwnRole,
  probeRevokeApiKey,
  probeSetOwnAccountFlags,
  probeUnlockOther,
} from '../../support/accessUsers'
import { probeCreateDraft, probeDuplicate, probeRestoreVersion, probeUpdateDraft } from '../../support/accessVersionProbes'
import { createTestPayload } from '../../support/testPayload'

/** A JSON value the jobs-stats global accepts, for the global update probe. */
const GLOBAL_PATCHES: Record<string, { field: string; value: unknown }> = {
  'payload-jobs-stats': { field: 'stats', value: { access: 'probe' } },
  'sponsorship-settings': { field: 'closedMessage', value: 'probe' },
}

describe('the access table of issue 2, through the Local API with overrideAccess: false', () => {
  let payload: Payload
  let users: Record<Role, User>
  let fixtures: Record<string, CollectionFixture>
  /** A visitor's verified account, as its session presents it (req.user names its collection). */
  let account: User
  const actor = (name: ActorName): User | null => (name === 'anonymous' ? null : name === 'account' ? account : { ...users[name], collection: 'users' } as User)
  /** The actor's own document in an auth collection: staff have a `users` profile, the visitor an `accounts` one. */
  const ownDocument = (slug: string, name: ActorName): User | null => {
    if (slug === 'accounts') return name === 'account' ? account : null
    return name === 'anonymous' || name === 'account' ? null : users[name]
  }

  /** The fixtures, with the visitor's account a contact of the visible sponsors and the applicant of a sponsorship. */
  async function sponsorFixtures(accountId: number): Promise<Record<string, CollectionFixture>> {
    const prerequisites = await createAccessPrerequisites(payload)
    const own = await payload.create({ collection: 'sponsorships', data: { sponsor: prerequisites.sponsorId, year: 2026, submittedBy: accountId } as never, overrideAccess: true, depth: 0 })
    return accessFixtures({ ...prerequisites, sponsorContactAccountId: accountId, accountSponsorshipId: own.id }, await tinyPng())
  }

  beforeAll(async () => {
    payload = await createTestPayload('access_table')
    users = await createRoleUsers(payload, 'access')
    const visitor = await payload.create({
      collection: 'accounts',
      data: { email: 'visitor@example.org', username: 'visitor', password: 'correct horse battery staple', emailVerified: true, active: true, emailPrivacy: 'nobody' },
      overrideAccess: true,
      depth: 0,
    })
    account = { ...visitor, collection: 'accounts' } as unknown as User
    fixtures = {
      ...(await sponsorFixtures(visitor.id)),
      ...internalFixtures(await createInternalPrerequisites(payload)),
    }
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  it('has every role user it needs, each holding exactly its role', () => {
    for (const role of ['admin', 'editor', 'release-manager', 'moderator', 'jobs-moderator', 'psf-staff', 'sponsors-manager'] as const) expect(users[role].roles).toEqual([role])
  })

  it('has a row for every collection and global of the Payload config (Payload\'s own included), and nothing else', () => {
    const problems = tableProblems(
      payload.config.collections,
      payload.config.globals,
      (slug) => fixtures[slug]?.hidden !== undefined,
      (slug) => fixtures[slug]?.generated !== undefined,
    )
    const missingFixtures = payload.config.collections.filter((collection) => !fixtures[collection.slug]).map((collection) => collection.slug)
    expect({ problems, missingFixtures }, [...problems, ...missingFixtures.map((slug) => `${slug}: no fixture (tests/support/accessFixtures.ts)`)].join('\n')).toEqual({
      problems: [],
      missingFixtures: [],
    })
  })

  it('matches the table for every collection, global, operation and role', async () => {
    const results: AccessCase[] = []
    // Read targets are shared; every write gets a document of its own.
    const readTargets = new Map<string, AnyDoc>()
    const readTarget = async (slug: string, kind: 'visible' | 'hidden'): Promise<AnyDoc> => {
      const key = `${slug}:${kind}`
      const cached = readTargets.get(key)
      if (cached) return cached
      const fixture = fixtures[slug]
      const input = kind === 'visible' ? fixture.visible() : fixture.hidden?.()
      if (!input) throw new Error(`${slug} has no unpublished fixture`)
      const doc = await createFixture(payload, slug, input)
      readTargets.set(key, doc)
      return doc
    }
    /** A published document changed once since, so it has a version to go back to. */
    const changedDocument = async (slug: string, field: string): Promise<AnyDoc> => {
      const doc = await createFixture(payload, slug, fixtures[slug].visible())
      const patch = fixtures[slug].patch()
      await looseLocalApi(payload).update({ collection: slug, id: doc.id, data: { [field]: patch.value }, overrideAccess: true })
      return doc
    }

    const run = async (collection: SanitizedCollectionConfig, operation: Operation, name: ActorName): Promise<Outcome> => {
      const slug = collection.slug
      const fixture = fixtures[slug]
      const user = actor(name)
      switch (operation) {
        case 'create':
          return probeCreate(payload, slug, (fixture.created ?? fixture.visible)(), user)
        case 'createDraft':
          return probeCreateDraft(payload, slug, (fixture.created ?? fixture.visible)(), user)
        case 'duplicate': {
          // The copy gets fresh unique values; a blank slug is derived again from them.
          const fresh = { ...(fixture.created ?? fixture.visible)().data, ...(collection.flattenedFields.some((field) => field.name === 'slug') ? { slug: '' } : {}) }
          return probeDuplicate(payload, slug, (await createFixture(payload, slug, fixture.visible())).id, fresh, user)
        }
        case 'read':
          return probeRead(payload, slug, (await readTarget(slug, 'visible')).id, user)
        case 'readUnpublished':
          return probeRead(payload, slug, (await readTarget(slug, 'hidden')).id, user)
        case 'readDraft':
          return probeRead(payload, slug, (await readTarget(slug, 'hidden')).id, user, true)
        case 'readVersions':
          return probeReadVersions(payload, slug, (await readTarget(slug, fixture.hidden ? 'hidden' : 'visible')).id, user)
        case 'update':
          return probeUpdate(payload, slug, (await createFixture(payload, slug, fixture.visible())).id, fixture.patch(), user)
        case 'updateDraft':
          return probeUpdateDraft(payload, slug, (await createFixture(payload, slug, fixture.visible())).id, fixture.patch(), user)
        case 'restoreVersion': {
          const field = fixture.patch().field
          return probeRestoreVersion(payload, slug, (await changedDocument(slug, field)).id, field, user)
        }
        case 'delete':
          return probeDelete(payload, slug, (await createFixture(payload, slug, fixture.visible())).id, user)
        case 'updateGenerated':
        case 'deleteGenerated': {
          const generated = fixture.generated?.()
          if (!generated) return 'unexpected: no generated fixture'
          const doc = await createFixture(payload, slug, generated)
          return operation === 'updateGenerated' ? probeUpdate(payload, slug, doc.id, fixture.patch(), user) : probeDelete(payload, slug, doc.id, user)
        }
        case 'readOwn':
          return probeRead(payload, slug, (ownDocument(slug, name) as User).id, user)
        case 'updateOwn':
          return probeUpdate(payload, slug, (ownDocument(slug, name) as User).id, fixture.patch(), user)
        case 'grantOwnRole':
          return slug === 'accounts' ? probeSetOwnAccountFlags(payload, account) : probeGrantOwnRole(payload, users[name as Role])
        case 'unlockOther':
          return probeUnlockOther(payload, `${slug}-${name}-${results.length}`, user, slug === 'accounts' ? 'accounts' : 'users')
        case 'enableOwnApiKey':
          return probeEnableOwnApiKey(payload, users[name as Role])
        case 'revokeOthersApiKey':
          return probeRevokeApiKey(payload, await createUserWithApiKey(payload, `${name}-${results.length}`), user)
      }
    }

    for (const collection of payload.config.collections) {
      const row = ACCESS_TABLE[collection.slug]
      const fixture = fixtures[collection.slug]
      // A collection without a row or a fixture fails the test above, naming it.
      if (!row || !fixture) continue
      for (const operation of requiredOperations(collection, fixture.hidden !== undefined, fixture.generated !== undefined)) {
        const allowed = allowedActors(row, operation) ?? []
        for (const name of LOCAL_API_ACTORS) {
          // Only actors with a document in this auth collection have a profile of their own there.
          if (OWN_PROFILE_OPERATIONS.includes(operation) && ownDocument(collection.slug, name) === null) continue
          const actual = await run(collection, operation, name).catch((error: unknown): Outcome => `unexpected: ${String(error)}`)
          results.push({ collection: collection.slug, operation, actor: name, expected: allowed.includes(name) ? 'allowed' : 'denied', actual })
        }
      }
    }

    for (const global of payload.config.globals) {
      const row = GLOBAL_ACCESS_TABLE[global.slug]
      if (!row) continue
      for (const operation of requiredGlobalOperations(global)) {
        const allowed = row[operation] ?? []
        for (const name of LOCAL_API_ACTORS) {
          const patch = GLOBAL_PATCHES[global.slug] ?? { field: 'accessProbe', value: 'probe' }
          const actual =
            operation === 'update'
              ? await probeUpdateGlobal(payload, global.slug, patch, actor(name))
              : operation === 'read'
                ? await probeReadGlobal(payload, global.slug, actor(name))
                : 'unexpected: global versions are not probed yet'
          results.push({ collection: `global ${global.slug}`, operation, actor: name, expected: allowed.includes(name) ? 'allowed' : 'denied', actual })
        }
      }
    }

    const mismatches = results.filter(isMismatch)
    console.log(`${formatAccessTable(results, LOCAL_API_ACTORS)}\n${accessMatrixSummary('Local API', results.length, mismatches.length)}`)
    expect(mismatches.length, `access mismatches:\n${formatMismatches(results)}`).toBe(0)
    // Some 1,700 cases on a shared machine: more than the suite's default two minutes.
  }, 600_000)

  it('never shows anonymous visitors the newer draft of a published page', async () => {
    const page = await payload.create({
      collection: 'pages',
      data: { title: 'Public title', path: '/access/draft-leak/', _status: 'published' },
      overrideAccess: true,
      depth: 0,
    })
    await payload.update({ collection: 'pages', id: page.id, data: { title: 'Secret draft title' }, draft: true, overrideAccess: true })
    const titles = async (draft: boolean, user: User | null) =>
      (await payload.find({ collection: 'pages', where: { id: { equals: page.id } }, draft, overrideAccess: false, user, depth: 0 })).docs.map(
        (doc) => doc.title,
      )
    expect(await titles(false, null)).toEqual(['Public title'])
    // With draft: true Payload reads the newest version, a draft, which visitors may not see.
    expect(await titles(true, null)).toEqual([])
    expect(await titles(true, users.editor)).toEqual(['Secret draft title'])
  })

  it('keeps anonymous visitors from creating success stories through the collection, even as drafts', async () => {
    const api = looseLocalApi(payload)
    const before = (await api.count({ collection: 'success-stories', overrideAccess: true })).totalDocs
    const submission = fixtures['success-stories'].hidden?.()
    expect(submission?.data._status).toBe('draft')
    const attempt = api.create({ collection: 'success-stories', data: submission?.data ?? {}, draft: true, overrideAccess: false, user: null })
    const error = await attempt.then(
      () => null,
      (reason: unknown) => reason,
    )
    expect(isForbidden(error)).toBe(true)
    expect((await api.count({ collection: 'success-stories', overrideAccess: true })).totalDocs).toBe(before)
  })
})
