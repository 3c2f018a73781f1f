import type { CollectionConfig } from 'payload'

import { allowRoles } from './allowRoles'
import { anyone } from './anyone'
import { flaggedOrRoles, publishedOrRoles } from './publishedOrRoles'
import { STAFF_ROLES } from './staffRoles'

type CollectionAccess = NonNullable<CollectionConfig['access']>

/**
 * Site content (pages, boxes, navigation, media, events, code samples, banners, redirects):
 * anonymous visitors read what is published, editors write, every staff role reads.
 * `publication` says how "published" is expressed in the collection.
 */
export function contentAccess(
  publication: { kind: 'always' } | { kind: 'drafts' } | { kind: 'flag'; path: string },
): CollectionAccess {
  const read =
    publication.kind === 'always'
      ? anyone
      : publication.kind === 'drafts'
        ? publishedOrRoles(...STAFF_ROLES)
        : flaggedOrRoles(publication.path, ...STAFF_ROLES)
  return {
    create: allowRoles('editor'),
    read,
    update: allowRoles('editor'),
    delete: allowRoles('editor'),
    ...(publication.kind === 'drafts' ? { readVersions: allowRoles(...STAFF_ROLES) } : {}),
  }
}
