import type { PayloadRequest } from 'payload'

import { queueMailToStaff } from '../../../cms/mail/queueMailToStaff'

/**
 * Queues a "story to review" message to every moderator and admin, in the submission's own
 * transaction (`req`): the messages go out after the story is committed, and not at all if it
 * is not. The link opens the story in the admin (the CMS's public URL, where staff sign in).
 */
export async function notifyModeratorsOfStory(req: PayloadRequest, story: { id: number | string; name: string; author: string }): Promise<void> {
  const reviewUrl = `${req.payload.config.serverURL}/admin/collections/success-stories/${encodeURIComponent(String(story.id))}`
  await queueMailToStaff(req, ['moderator'], { template: 'storySubmitted', values: { title: story.name, author: story.author, reviewUrl } })
}
