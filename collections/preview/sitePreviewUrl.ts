import type { GeneratePreviewURL } from 'payload'

import { schemaSettingsOf } from '../settings/schemaSettings'
import { createPreviewToken } from './previewToken'

/** The collections the public site can preview, as its preview route names them. */
export type PreviewableCollection = 'pages' | 'releases' | 'success-stories'

export const PREVIEWABLE_COLLECTIONS: readonly PreviewableCollection[] = ['pages', 'releases', 'success-stories']

/**
 * The admin's preview button: opens the public site's preview route for this document, with a
 * preview token (./previewToken) for the editor who pressed it: good for reading this document's
 * latest draft as that editor, for PREVIEW_TOKEN_MINUTES, and nothing else. The editor's session
 * token never leaves the admin (it used to travel in this URL). The site moves the token into a
 * cookie after the editor confirms, never caches previews and sends them with
 * `Referrer-Policy: no-referrer`.
 */
export function sitePreviewUrl(collection: PreviewableCollection): GeneratePreviewURL {
  return async (doc, { req }) => {
    const userId = req.user?.id
    if (typeof userId !== 'number' || typeof doc.id !== 'number') return null
    const { siteUrl } = schemaSettingsOf(req)
    const token = await createPreviewToken(req.payload.config.secret, { userId, collection, id: doc.id })
    return `${siteUrl}/preview/${collection}/${doc.id}/?${new URLSearchParams({ token }).toString()}`
  }
}
