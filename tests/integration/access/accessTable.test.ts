import type { Payload, SanitizedCollectionConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../../collections/generated/payload-types'
import type { Role } from '../../../collections/access/roles'
import {
  accessFixtures,
  createAccessPrerequisites,
  createFixture,
  tinyPng,
  type CollectionFixture,
} from '../../support/accessFixtures'
import { looseLocalApi, projectCollectionSlugs, type AnyDoc } from '../../support/accessLocalApi'
import { isForbidden, probeCreate, probeDelete, probeRead, probeReadVersions, probeUpdate, type Outcome } from '../../support/accessProbes'
import { formatAccessTable, formatMismatches, isMismatch, type AccessCase } from '../../support/accessReport'
import {
  createRoleUsers,
  createUserWithApiKey,
  probeEnableOwnApiKey,
  probeGrantOwnRole,
  probeRevokeApiKey,
} from '../../support/accessUsers'
import { createTestPayload } from '../../support/testPayload'

const ACTORS = ['anonymous', 'editor', 'release-manager', 'moderator', 'admin'] as const
type ActorName = (typeof ACTORS)[number]

/**
 * What is tried for every collection (create, read, update, delete), for collections with
 * drafts (reading a draft with `draft: true`, listing versions), where the public must not see
 * everything (reading an unpublished document: a draft, `isPublished`/`active` off, a file of an
 * unpublished release), and for auth collections (the own-profile and API-key rules).
 */
type Operation =
  | 'create'
  | 'read'
  | 'readUnpublished'
  | 'readDraft'
  | 'readVersions'
  | 'update'
  | 'delete'
  | 'readOwn'
  | 'updateOwn'
  | 'grantOwnRole'
  | 'enableOwnApiKey'
  | 'revokeOthersApiKey'

/** Who may do each operation; every actor not listed must be refused. */
type Row = Partial<Record<Operation, readonly ActorName[]>>

const EVERYONE: readonly ActorName[] = ACTORS
const STAFF: readonly ActorName[] = ['editor', 'release-manager', 'moderator', 'admin']
const NOBODY_BUT_ADMIN: readonly ActorName[] = ['admin']

// The table, row by row. `admin` has every right of every role.
const writers = (...roles: ActorName[]) => ({ create: roles, update: roles, delete: roles })

/** pages, boxes, navigation-items, media, calendars, event-*, events, code-samples, banners, redirects */
const SITE_CONTENT: Row = { ...writers('editor', 'admin'), read: EVERYONE }
const SITE_CONTENT_PUBLISHED_FLAG: Row = { ...SITE_CONTENT, readUnpublished: STAFF }
const SITE_CONTENT_DRAFTS: Row = { ...SITE_CONTENT_PUBLISHED_FLAG, readDraft: STAFF, readVersions: STAFF }

/** releases, release-files, operating-systems, release-cycles */
const RELEASE_DATA: Row = { ...writers('release-manager', 'admin'), read: EVERYONE }
const RELEASE_DATA_PUBLISHED_FLAG: Row = { ...RELEASE_DATA, readUnpublished: STAFF }

/** success-stories, story-categories (visitors submit stories through the public form, not here) */
const STORIES: Row = { ...writers('editor', 'moderator', 'admin'), read: EVERYONE }
const STORIES_DRAFTS: Row = { ...STORIES, readUnpublished: STAFF, readDraft: STAFF, readVersions: STAFF }

/** users: `read`/`update`/`delete` are about someone else's profile. */
const USERS: Row = {
  create: NOBODY_BUT_ADMIN,
  read: NOBODY_BUT_ADMIN,
  update: NOBODY_BUT_ADMIN,
  delete: NOBODY_BUT_ADMIN,
  readOwn: STAFF,
  updateOwn: STAFF,
  grantOwnRole: NOBODY_BUT_ADMIN,
  enableOwnApiKey: ['release-manager', 'admin'],
  revokeOthersApiKey: NOBODY_BUT_ADMIN,
}

/** Every collection of the config must be here: a new one cannot escape the access table. */
const ACCESS_TABLE: Record<string, Row> = {
  pages: SITE_CONTENT_DRAFTS,
  boxes: SITE_CONTENT,
  'navigation-items': SITE_CONTENT,
  media: SITE_CONTENT,
  calendars: SITE_CONTENT,
  'event-categories': SITE_CONTENT,
  'event-locations': SITE_CONTENT,
  events: SITE_CONTENT,
  'code-samples': SITE_CONTENT_PUBLISHED_FLAG,
  banners: SITE_CONTENT_PUBLISHED_FLAG,
  redirects: SITE_CONTENT,
  // Imported from the blog feed by the importBlogFeed job; editors may correct entries (issue 5).
  news: SITE_CONTENT,
  releases: RELEASE_DATA_PUBLISHED_FLAG,
  'release-files': RELEASE_DATA_PUBLISHED_FLAG,
  // Uploaded artifacts (issue 4): release managers write, staff read, the public does not.
  'release-artifacts': { ...writers('release-manager', 'admin'), read: STAFF },
  'operating-systems': RELEASE_DATA,
  'release-cycles': RELEASE_DATA,
  'success-stories': STORIES_DRAFTS,
  'story-categories': STORIES,
  users: USERS,
}

const OWN_PROFILE_OPERATIONS: readonly Operation[] = ['readOwn', 'updateOwn', 'grantOwnRole', 'enableOwnApiKey']

/** The operations the config says a collection must be tested for. */
function requiredOperations(collection: SanitizedCollectionConfig, fixture: CollectionFixture | undefined): Operation[] {
  const operations: Operation[] = ['create', 'read', 'update', 'delete']
  if (collection.versions?.drafts) operations.push('readUnpublished', 'readDraft', 'readVersions')
  else if (fixture?.hidden) operations.push('readUnpublished')
  if (collection.auth) {
    operations.push('readOwn', 'updateOwn', 'grantOwnRole')
    if (collection.auth.useAPIKey) operations.push('enableOwnApiKey', 'revokeOthersApiKey')
  }
  return operations
}

describe('the access table of issue 2, through the Local API with overrideAccess: false', () => {
  let payload: Payload
  let users: Record<Role, User>
  let fixtures: Record<string, CollectionFixture>
  const actor = (name: ActorName): User | null => (name === 'anonymous' ? null : users[name])

  beforeAll(async () => {
    payload = await createTestPayload('access_table')
    users = await createRoleUsers(payload, 'access')
    fixtures = accessFixtures(await createAccessPrerequisites(payload), await tinyPng())
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  it('has every role user it needs, each holding exactly its role', () => {
    for (const role of ['admin', 'editor', 'release-manager', 'moderator'] as const) expect(users[role].roles).toEqual([role])
  })

  it('lists every collection of the Payload config in the expectation table, and nothing else', () => {
    const slugs = projectCollectionSlugs(payload)
    const missing = slugs.filter((slug) => !(slug in ACCESS_TABLE))
    const unknown = Object.keys(ACCESS_TABLE).filter((slug) => !slugs.includes(slug as (typeof slugs)[number]))
    expect(missing, `collections missing from the access table: ${missing.join(', ')}`).toEqual([])
    expect(unknown, `access table rows for collections the config does not have: ${unknown.join(', ')}`).toEqual([])
  })

  it('matches the table for every collection, operation and role', async () => {
    const results: AccessCase[] = []
    const problems: string[] = []
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

    const run = async (slug: string, operation: Operation, name: ActorName): Promise<Outcome> => {
      const fixture = fixtures[slug]
      const user = actor(name)
      switch (operation) {
        case 'create':
          return probeCreate(payload, slug, fixture.visible(), user)
        case 'read':
          return probeRead(payload, slug, (await readTarget(slug, 'visible')).id, user)
        case 'readUnpublished':
          return probeRead(payload, slug, (await readTarget(slug, 'hidden')).id, user)
        case 'readDraft':
          return probeRead(payload, slug, (await readTarget(slug, 'hidden')).id, user, true)
        case 'readVersions':
          return probeReadVersions(payload, slug, (await readTarget(slug, 'hidden')).id, user)
        case 'update':
          return probeUpdate(payload, slug, (await createFixture(payload, slug, fixture.visible())).id, fixture.patch(), user)
        case 'delete':
          return probeDelete(payload, slug, (await createFixture(payload, slug, fixture.visible())).id, user)
        case 'readOwn':
          return probeRead(payload, slug, users[name as Role].id, user)
        case 'updateOwn':
          return probeUpdate(payload, slug, users[name as Role].id, fixture.patch(), user)
        case 'grantOwnRole':
          return probeGrantOwnRole(payload, users[name as Role])
        case 'enableOwnApiKey':
          return probeEnableOwnApiKey(payload, users[name as Role])
        case 'revokeOthersApiKey':
          return probeRevokeApiKey(payload, await createUserWithApiKey(payload, `${name}-${results.length}`), user)
      }
    }

    for (const collection of payload.config.collections.filter((c) => !c.slug.startsWith('payload-'))) {
      const slug = collection.slug
      const row = ACCESS_TABLE[slug]
      const fixture = fixtures[slug]
      if (!row) problems.push(`${slug}: not in the access table`)
      if (!fixture) problems.push(`${slug}: no fixture to test it with (tests/support/accessFixtures.ts)`)
      if (!row || !fixture) continue
      const required = requiredOperations(collection, fixture)
      for (const operation of required) if (!row[operation]) problems.push(`${slug}: the table does not say who may ${operation}`)
      for (const operation of Object.keys(row) as Operation[]) {
        if (!required.includes(operation)) problems.push(`${slug}: ${operation} does not apply to this collection`)
      }
      if (row.readUnpublished && !fixture.hidden) problems.push(`${slug}: no unpublished fixture for readUnpublished`)

      for (const operation of required.filter((op) => row[op])) {
        const allowed = row[operation] ?? []
        for (const name of ACTORS) {
          // Anonymous visitors have no profile of their own.
          if (name === 'anonymous' && OWN_PROFILE_OPERATIONS.includes(operation)) continue
          const actual = await run(slug, operation, name).catch((error: unknown): Outcome => `unexpected: ${String(error)}`)
          results.push({ collection: slug, operation, actor: name, expected: allowed.includes(name) ? 'allowed' : 'denied', actual })
        }
      }
    }

    const mismatches = results.filter(isMismatch)
    console.log(
      `access table: ${results.length} cases ran, ${mismatches.length} mismatched\n${formatAccessTable(results, ACTORS)}`,
    )
    const report = [...problems, `access mismatches:\n${formatMismatches(results)}`].join('\n')
    expect({ problems, mismatches: mismatches.length }, report).toEqual({ problems: [], mismatches: 0 })
  })

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
