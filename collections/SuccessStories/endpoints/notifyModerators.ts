import type { PayloadRequest } from 'payload'

import { queueMail } from '../../../cms/mail/queueMail'

/** Enough to find a moderator's inbox among many staff, bounded like every content-driven loop. */
const MAX_MODERATORS = 200

/**
 * Queues a "story to review" message to every moderator and admin, in the submission's own
 * transaction (`req`): the messages go out after the story is committed, and not at all if it
 * is not. The link opens the story in the admin (the CMS's public URL, where staff sign in).
 */
export async function notifyModeratorsOfStory(req: PayloadRequest, story: { id: number | string; name: string; author: string }): Promise<void> {
  const moderators = await req.payload.find({
    collection: 'users',
    where: { roles: { in: ['moderator', 'admin'] } },
    limit: MAX_MODERATORS,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const reviewUrl = `${req.payload.config.serverURL}/admin/collections/success-stories/${encodeURIComponent(String(story.id))}`
  for (const moderator of moderators.docs) {
    if (typeof moderator.email !== 'string' || moderator.email === '') continue
    await queueMail(req, { template: 'storySubmitted', to: moderator.email, values: { title: story.name, author: story.author, reviewUrl } })
  }
}
