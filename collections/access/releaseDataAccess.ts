import type { CollectionConfig } from 'payload'

import { allowRoles } from './allowRoles'
import { anyone } from './anyone'
import { flaggedOrRoles } from './publishedOrRoles'
import { STAFF_ROLES } from './staffRoles'

type CollectionAccess = NonNullable<CollectionConfig['access']>

/**
 * Release data (releases, release files, operating systems, release cycles): release managers
 * write, every staff role reads everything, anonymous visitors read what is published.
 * `publishedPath` is the checkbox that publishes a row (`isPublished` on releases,
 * `release.isPublished` on files); omit it for data that is public as a whole.
 */
export function releaseDataAccess(publishedPath?: string): CollectionAccess {
  return {
    create: allowRoles('release-manager'),
    read: publishedPath ? flaggedOrRoles(publishedPath, ...STAFF_ROLES) : anyone,
    update: allowRoles('release-manager'),
    delete: allowRoles('release-manager'),
  }
}
