import type { Access, CollectionConfig, Where } from 'payload'

import { contentAccess } from './contentAccess'

type CollectionAccess = NonNullable<CollectionConfig['access']>

/** Boxes that are not generated: the flag false or never set. */
const notGenerated: Where = { or: [{ generated: { equals: false } }, { generated: { exists: false } }] }

/** The rule of `base`, narrowed to boxes that are not generated (an admin included). */
function exceptGenerated(base: Access | undefined): Access {
  return async (args) => {
    const granted = base === undefined ? false : await base(args)
    if (granted === false) return false
    if (granted === true) return notGenerated
    return { and: [granted, notGenerated] }
  }
}

/**
 * Boxes are site content (editors write, everyone reads), except the generated download boxes
 * (`homepage-downloads`, `supernav-python-downloads`, `download-sources`): the release data
 * rebuilds them (collections/Releases/hooks/regenerateDownloadBoxes, with overrideAccess), and
 * no one else may change or delete them, an admin included. Otherwise an editor's PATCH could
 * point the download buttons anywhere, past the release managers' rights and the URL prefix rule.
 * Payload answers 403 for a box the rule leaves out, through REST, GraphQL and the admin alike.
 */
export function generatedBoxAccess(): CollectionAccess {
  const base = contentAccess({ kind: 'always' })
  return { ...base, update: exceptGenerated(base.update), delete: exceptGenerated(base.delete) }
}
