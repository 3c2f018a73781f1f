import type { Payload } from 'payload'

import type { User } from '../../collections/generated/payload-types'
import { TEST_PASSWORD, type CollectionFixture } from './accessFixtures'
import { looseLocalApi } from './accessLocalApi'

/** What the fixtures of Payload's own collections point at. */
export interface InternalPrerequisites {
  /** A page documents get locked on. */
  pageId: number
  /** A user none of the actors is: "someone else" for preferences. */
  bystander: User
}

export async function createInternalPrerequisites(payload: Payload): Promise<InternalPrerequisites> {
  const api = looseLocalApi(payload)
  const page = await api.create({ collection: 'pages', data: { title: 'Locked page', path: '/access/locked/', _status: 'published' }, overrideAccess: true })
  const bystander = await payload.create({
    collection: 'users',
    data: { email: 'bystander@example.org', username: 'bystander', password: TEST_PASSWORD, roles: ['editor'] },
    overrideAccess: true,
    depth: 0,
  })
  return { pageId: page.id, bystander }
}

/** Fixtures for the collections Payload adds to every config (`payload-*`). */
export function internalFixtures(prerequisites: InternalPrerequisites): Record<string, CollectionFixture> {
  let counter = 0
  const next = () => ++counter
  const bystander = { relationTo: 'users', value: prerequisites.bystander.id }
  return {
    'payload-kv': {
      visible: () => ({ data: { key: `access-kv-${next()}`, data: { n: 1 } } }),
      patch: () => ({ field: 'key', value: `access-kv-patched-${next()}` }),
    },
    'payload-jobs': {
      // Far in the future, so no queue runner picks it up during the test.
      visible: () => ({ data: { taskSlug: 'purgeSiteCache', input: { keys: [], urls: [] }, waitUntil: '2099-01-01T00:00:00.000Z' } }),
      patch: () => ({ field: 'queue', value: `access-queue-${next()}` }),
    },
    'payload-locked-documents': {
      visible: () => ({ data: { document: { relationTo: 'pages', value: prerequisites.pageId }, user: bystander } }),
      patch: () => ({ field: 'globalSlug', value: `access-global-${next()}` }),
    },
    'payload-preferences': {
      // Payload sets a preference's owner from the request's user.
      visible: () => ({ data: { key: `access-preference-${next()}`, value: { columns: [] } }, user: prerequisites.bystander }),
      patch: () => ({ field: 'key', value: `access-preference-patched-${next()}` }),
    },
    'payload-migrations': {
      visible: () => ({ data: { name: `access_migration_${next()}`, batch: 999 } }),
      patch: () => ({ field: 'name', value: `access_migration_patched_${next()}` }),
    },
  }
}
