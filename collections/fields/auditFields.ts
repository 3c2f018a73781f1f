import type { CollectionBeforeChangeHook, Field } from 'payload'

/**
 * python.org's ContentManageable: every document records who created it and who last changed
 * it. Both are read-only in the admin and set by `recordAuthors`.
 */
export function auditFields(): Field[] {
  return [
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: 'users',
      admin: { position: 'sidebar', readOnly: true },
      access: { create: () => false, update: () => false },
    },
    {
      name: 'updatedBy',
      type: 'relationship',
      relationTo: 'users',
      admin: { position: 'sidebar', readOnly: true },
      access: { create: () => false, update: () => false },
    },
  ]
}

/**
 * Sets `createdBy` on create and `updatedBy` on every write from the authenticated user.
 * Writes without a user (seeding, jobs) leave them empty rather than inventing an author.
 */
export const recordAuthors: CollectionBeforeChangeHook = ({ data, operation, req, originalDoc }) => {
  const userId = req.user && req.user.collection === 'users' ? req.user.id : undefined
  if (operation === 'create') {
    data.createdBy = userId ?? null
  } else {
    data.createdBy = originalDoc?.createdBy ?? null
  }
  data.updatedBy = userId ?? null
  return data
}
