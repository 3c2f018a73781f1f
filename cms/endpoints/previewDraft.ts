import type { Endpoint, PayloadRequest } from 'payload'

import { verifyPreviewToken } from '../../collections/preview/previewToken'
import { PREVIEWABLE_COLLECTIONS, type PreviewableCollection } from '../../collections/preview/sitePreviewUrl'

/** Where the site sends the token of a preview link (never a URL, never Authorization, which Payload reads). */
export const PREVIEW_TOKEN_HEADER = 'x-pydotorg-preview-token'

const headers = { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' }
const refuse = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status, headers })

function previewable(value: unknown): value is PreviewableCollection {
  return typeof value === 'string' && (PREVIEWABLE_COLLECTIONS as readonly string[]).includes(value)
}

/**
 * `GET /api/preview/<collection>/<id>` with the preview link's token in X-Pydotorg-Preview-Token:
 * the latest draft of that one document, read as the editor the token names, with that editor's
 * rights as they are now (an editor who lost the right to read it gets nothing). The token opens
 * nothing else: no other document, no list, no write; see collections/preview/previewToken.
 * This is how the site's preview route reads drafts (issue 18).
 */
export const previewDraftEndpoint: Endpoint = {
  path: '/preview/:previewCollection/:previewId',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const collection = req.routeParams?.previewCollection
    const rawId = req.routeParams?.previewId
    if (!previewable(collection)) return refuse(404, 'Only pages, releases and success stories can be previewed.')
    if (typeof rawId !== 'string' || !/^\d{1,12}$/.test(rawId)) return refuse(404, 'There is no document with this id.')
    const id = Number(rawId)
    const token = req.headers.get(PREVIEW_TOKEN_HEADER)
    const grant = token === null || token.length > 4096 ? null : await verifyPreviewToken(req.payload.config.secret, token, { collection, id })
    if (grant === null) return refuse(401, 'The preview link has expired or is not valid for this document: press Preview in the admin again.')
    const user = await req.payload.findByID({ collection: 'users', id: grant.userId, depth: 0, overrideAccess: true, disableErrors: true })
    if (user === null) return refuse(401, 'The preview link was made for an account that no longer exists.')
    // Read as that editor (their access rules, their hidden fields), through the Local API.
    const doc = await req.payload.findByID({
      collection,
      id,
      draft: true,
      depth: 1,
      overrideAccess: false,
      user: { ...user, collection: 'users' },
      disableErrors: true,
    })
    if (doc === null) return refuse(404, 'Nothing to preview: the document does not exist, or your account may not read it.')
    return Response.json(doc, { status: 200, headers })
  },
}
