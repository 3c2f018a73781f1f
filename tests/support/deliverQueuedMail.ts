import type { Payload } from 'payload'

import { MAIL_QUEUE } from '../../cms/mail/queueMail'

/**
 * Runs the mail queue until no message waits to be sent, as the serving CMS's every-5-seconds
 * run would. One run is not enough: messages to one address go one at a time (sendMail's
 * concurrency key), and on a loaded machine a send can fail and wait for its retry's backoff.
 * A message that has used up its retries (hasError) no longer waits; past `timeoutMs` this throws.
 */
export async function deliverQueuedMail(payload: Payload, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    await payload.jobs.run({ queue: MAIL_QUEUE, limit: 100 })
    const waiting = await payload.count({
      collection: 'payload-jobs',
      where: { and: [{ queue: { equals: MAIL_QUEUE } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
      overrideAccess: true,
    })
    if (waiting.totalDocs === 0) return
    if (Date.now() > deadline) throw new Error(`${waiting.totalDocs} mail job(s) still waiting after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
