import type { Payload, SanitizedCollectionConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../../collections/generated/payload-types'
import { accessFixtures, createAccessPrerequisites, TEST_PASSWORD, tinyPng, type CollectionFixture } from '../../support/accessFixtures'
import { looseLocalApi } from '../../support/accessLocalApi'
import { createRoleUsers } from '../../support/accessUsers'
import { createTestPayload } from '../../support/testPayload'

/**
 * Collections whose documents do not record their authors: visitors' accounts (issue 11), which
 * only sign-up creates (no staff author) and whose owner is the account itself.
 */
const WITHOUT_AUTHOR_FIELDS: string[] = ['accounts']

function hasField(collection: SanitizedCollectionConfig, name: string): boolean {
  return collection.flattenedFields.some((field) => field.name === name && field.type === 'relationship' && field.relationTo === 'users')
}

describe('every document records who created it and who last changed it', () => {
  let payload: Payload
  let admin: User
  let staff: User
  let fixtures: Record<string, CollectionFixture>

  beforeAll(async () => {
    payload = await createTestPayload('document_authors')
    admin = (await createRoleUsers(payload, 'authors')).admin
    // Every non-admin role at once, so one user may create a document of any collection.
    staff = await payload.create({
      collection: 'users',
      data: { email: 'staff@example.org', username: 'staff', password: TEST_PASSWORD, roles: ['editor', 'release-manager', 'moderator', 'jobs-moderator', 'psf-staff', 'sponsors-manager'] },
      overrideAccess: true,
      depth: 0,
    })
    fixtures = accessFixtures(await createAccessPrerequisites(payload), await tinyPng())
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  it('has createdBy and updatedBy on every collection but the listed exceptions', () => {
    const collections = payload.config.collections.filter((collection) => !collection.slug.startsWith('payload-'))
    const withAuthors = collections.filter((collection) => hasField(collection, 'createdBy') && hasField(collection, 'updatedBy'))
    const without = collections.filter((collection) => !withAuthors.includes(collection)).map((collection) => collection.slug)
    expect(without).toEqual(WITHOUT_AUTHOR_FIELDS)
    expect(withAuthors).toHaveLength(36)
  })

  it('sets createdBy from the creating user and updatedBy from the last one, ignoring what the client sends', async () => {
    const api = looseLocalApi(payload)
    const failures: string[] = []
    let checked = 0
    for (const collection of payload.config.collections) {
      const slug = collection.slug
      if (slug.startsWith('payload-') || WITHOUT_AUTHOR_FIELDS.includes(slug)) continue
      const fixture = fixtures[slug]
      if (!fixture) {
        failures.push(`${slug}: no fixture in tests/support/accessFixtures.ts`)
        continue
      }
      // A public (accepted, approved) nomination is nobody's to create: staff create unanswered ones.
      const input = slug === 'nominations' ? (fixture.hidden?.() ?? fixture.visible()) : fixture.visible()
      // A client claiming someone else wrote it is ignored.
      const forged = { ...input.data, createdBy: admin.id, updatedBy: admin.id }
      // Only admins create users; a user then edits their own profile.
      const creator = slug === 'users' ? admin : staff
      const created = await api.create({ collection: slug, ...input, data: forged, overrideAccess: false, user: creator })
      const afterCreate = await api.findByID({ collection: slug, id: created.id, overrideAccess: true })
      const { field, value } = fixture.patch()
      const updater = slug === 'users' ? ({ ...created, collection: 'users' } as User) : admin
      await api.update({ collection: slug, id: created.id, data: { [field]: value, createdBy: admin.id }, overrideAccess: false, user: updater })
      const afterUpdate = await api.findByID({ collection: slug, id: created.id, overrideAccess: true })

      const seen = {
        created: [afterCreate?.createdBy, afterCreate?.updatedBy],
        updated: [afterUpdate?.createdBy, afterUpdate?.updatedBy],
      }
      const wanted = { created: [creator.id, creator.id], updated: [creator.id, updater.id] }
      if (JSON.stringify(seen) !== JSON.stringify(wanted)) {
        failures.push(`${slug}: [createdBy, updatedBy] was ${JSON.stringify(seen)}, expected ${JSON.stringify(wanted)}`)
      }
      checked += 1
    }
    expect(failures, failures.join('\n')).toEqual([])
    expect(checked).toBe(36)
  })

  it('leaves the authors empty for writes without a user (seeding, jobs) rather than inventing one', async () => {
    const box = await payload.create({ collection: 'boxes', data: { label: 'seeded-box', content: '<p>seeded</p>', markupType: 'html' }, depth: 0 })
    expect([box.createdBy, box.updatedBy]).toEqual([null, null])
  })
})
