import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import { queueMail } from '../../../cms/mail/queueMail'
import { queueMailToStaff } from '../../../cms/mail/queueMailToStaff'
import { schemaSettingsOf } from '../../settings/schemaSettings'
import { jobMailFacts } from './jobMailFacts'

/** The newest review comment on the job: the reason a rejection gives. */
async function latestComment(req: PayloadRequest, jobId: number): Promise<string | null> {
  const found = await req.payload.find({ collection: 'job-review-comments', where: { job: { equals: jobId } }, sort: '-createdAt', limit: 1, depth: 0, overrideAccess: true, req })
  return found.docs[0]?.comment ?? null
}

/**
 * The job board's messages on a change of state, queued in the change's own transaction (sent
 * after it commits, never when it rolls back): the moderators when a job enters review; the
 * posting's contact address when it is approved, rejected (with the latest review comment) or
 * expired. Saves that leave the state alone send nothing.
 */
export const notifyJobStatusChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, context }) => {
  const from = operation === 'create' ? null : (previousDoc?.status as string | undefined)
  if (doc.status === from || context.skipJobMail === true) return doc
  const facts = await jobMailFacts(req, doc, schemaSettingsOf(req).siteUrl)
  switch (doc.status) {
    case 'review':
      await queueMailToStaff(req, ['jobs-moderator'], { template: 'jobSubmitted', values: facts.values })
      break
    case 'approved':
      await queueMail(req, { template: 'jobApproved', to: facts.recipient, values: facts.values })
      break
    case 'rejected': {
      const comment = (await latestComment(req, doc.id)) ?? 'It does not meet the job board guidelines.'
      await queueMail(req, { template: 'jobRejected', to: facts.recipient, values: { ...facts.values, comment } })
      break
    }
    case 'expired':
      await queueMail(req, { template: 'jobExpired', to: facts.recipient, values: facts.values })
      break
    default:
      break
  }
  return doc
}
