import type { Access, CollectionConfig } from 'payload'

import { allowRoles } from '../access/allowRoles'
import { contentAccess } from '../access/contentAccess'
import { hasRole, type RoleHolder } from '../access/roles'
import { STAFF_ROLES } from '../access/staffRoles'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { normaliseImageUpload } from '../uploads/normaliseImageUpload'
import { uploadResponseHeaders } from '../uploads/uploadResponseHeaders'

/** Where uploaded images are kept and how large an upload may be; chosen by the CMS config. */
export type MediaSettings = { staticDir: string; maxBytes: number }

/**
 * Staff read every image; anyone else only those published content uses (hooks/markMediaPublished),
 * so the images of a draft page are neither listed nor served to the public before it is published.
 */
const readPublishedMedia: Access = ({ req }) => hasRole(req.user as RoleHolder, ...STAFF_ROLES) || { usedInPublishedContent: { equals: true } }

/** Images for pages and stories, resized by sharp into the sizes the site uses. */
export function createMedia(settings: MediaSettings): CollectionConfig {
  return {
    slug: 'media',
    admin: { useAsTitle: 'alt', group: 'Content' },
    // Sponsors managers upload sponsors' logos (issue 17); changing or removing images stays the editors'.
    access: { ...contentAccess({ kind: 'always' }), create: allowRoles('editor', 'sponsors-manager'), read: readPublishedMedia },
    upload: {
      staticDir: settings.staticDir,
      mimeTypes: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif'],
      // sharp reads the content: a renamed non-image is rejected, not stored.
      // Resizing makes sharp re-encode the original too: EXIF and GPS metadata and anything
      // appended after the image data (a PHP or HTML polyglot) are not kept.
      resizeOptions: { width: 4000, height: 4000, fit: 'inside', withoutEnlargement: true },
      modifyResponseHeaders: uploadResponseHeaders({ download: false }),
      imageSizes: [
        { name: 'thumbnail', width: 300, height: 300, position: 'centre' },
        { name: 'card', width: 768, height: 432, position: 'centre' },
        { name: 'hero', width: 1600, withoutEnlargement: true },
        // Sponsor logos, whole (never cropped): twice python.org's largest logo size (175 px), for sharp screens.
        { name: 'logo', width: 350, height: 350, fit: 'inside', withoutEnlargement: true },
      ],
      adminThumbnail: 'thumbnail',
      focalPoint: true,
    },
    hooks: { beforeOperation: [normaliseImageUpload], beforeChange: [recordAuthors] },
    fields: [
      {
        name: 'alt',
        type: 'text',
        required: true,
        admin: { description: 'Describes the image for people who cannot see it.' },
      },
      {
        name: 'usedInPublishedContent',
        type: 'checkbox',
        defaultValue: false,
        index: true,
        // Set when published content first uses the image (hooks/markMediaPublished, overrideAccess).
        access: { create: () => false, update: () => false },
        admin: { position: 'sidebar', readOnly: true, description: 'Set once a published page, story, release or event shows this image: only then can visitors see it.' },
      },
      ...auditFields(),
    ],
  }
}
