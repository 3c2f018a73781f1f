import type { PayloadRequest } from 'payload'

import { renderBlogSupernavBox, SUPERNAV_BLOG_BOX } from '../Boxes/supernav/renderSupernavBoxes'
import { writeGeneratedBox } from '../Boxes/writeGeneratedBox'

/**
 * As python.org's update_blogs: after the blog feed is imported, the newest post becomes the
 * blog panel of the main menu (the `supernav-python-blog` box), in the import's transaction.
 * No posts, no change.
 */
export async function regenerateBlogSupernav(req: PayloadRequest): Promise<void> {
  const newest = await req.payload.find({ collection: 'news', sort: '-publishedAt', limit: 1, depth: 0, req, overrideAccess: true })
  const entry = newest.docs[0]
  if (entry === undefined) return
  await writeGeneratedBox(req, SUPERNAV_BLOG_BOX, renderBlogSupernavBox(entry))
}
