import type { CollectionAfterChangeHook } from 'payload'

import { queueMail } from '../../../cms/mail/queueMail'
import { jobMailFacts } from '../../Jobs/hooks/jobMailFacts'
import { schemaSettingsOf } from '../../settings/schemaSettings'

/**
 * A new review comment is mailed to the posting's contact, in the comment's own transaction.
 * python.org mailed on every save, edits included; here only the comment's creation sends.
 */
export const notifyOfReviewComment: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const jobId = typeof doc.job === 'object' && doc.job !== null ? doc.job.id : doc.job
  const job = await req.payload.findByID({ collection: 'jobs', id: jobId, depth: 0, overrideAccess: true, disableErrors: true, req })
  if (job === null) return doc
  const facts = await jobMailFacts(req, job, schemaSettingsOf(req).siteUrl)
  const author = typeof req.user?.username === 'string' ? req.user.username : 'The job board team'
  await queueMail(req, { template: 'jobReviewComment', to: facts.recipient, values: { ...facts.values, comment: doc.comment, author } })
  return doc
}
