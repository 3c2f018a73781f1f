import type { GeneratePreviewURL } from 'payload'

import { schemaSettingsOf } from '../settings/schemaSettings'

/** The collections the public site can preview, as its preview route names them. */
export type PreviewableCollection = 'pages' | 'releases' | 'success-stories'

/**
 * The admin's preview button: opens the public site's preview route for this document.
 *
 * The editor's own session token travels with the link, so the site reads the draft from the
 * CMS as that editor: the CMS's access rules decide what a preview may show, and the site
 * needs no standing credential that could read drafts. The site never caches previews and
 * sends them with `Referrer-Policy: no-referrer`, so the token does not leak onwards.
 */
export function sitePreviewUrl(collection: PreviewableCollection): GeneratePreviewURL {
  return (doc, { req, token }) => {
    if (token == null || doc.id == null) return null
    const { siteUrl } = schemaSettingsOf(req)
    const query = new URLSearchParams({ token })
    return `${siteUrl}/preview/${collection}/${encodeURIComponent(String(doc.id))}/?${query.toString()}`
  }
}
