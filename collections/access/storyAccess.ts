import type { CollectionConfig } from 'payload'

import { allowRoles } from './allowRoles'
import { publishedOrRoles } from './publishedOrRoles'
import { STAFF_ROLES } from './staffRoles'

type CollectionAccess = NonNullable<CollectionConfig['access']>

/**
 * Success stories and their categories: editors and moderators write (moderators publish the
 * stories visitors submit), every staff role reads, visitors read what is published. Visitors
 * never create through the collection: the public form's endpoint creates drafts on their behalf.
 */
export function storyAccess(withDrafts: boolean): CollectionAccess {
  return {
    create: allowRoles('editor', 'moderator'),
    read: withDrafts ? publishedOrRoles(...STAFF_ROLES) : () => true,
    update: allowRoles('editor', 'moderator'),
    delete: allowRoles('editor', 'moderator'),
    ...(withDrafts ? { readVersions: allowRoles(...STAFF_ROLES) } : {}),
  }
}
