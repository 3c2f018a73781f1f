import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { isJobStatus, JOB_LISTING_DAYS, mayMoveJob, refusedMoveMessage, SUBMITTER_EDITABLE, type JobStatus } from '../workflow'
import { jobActorOf } from './jobActorOf'

/** Fields only the job board's staff set; a submitter's save keeps their stored values. */
const MODERATOR_FIELDS = ['featured', 'expires', 'approvedAt'] as const

/** What a submitter may start a posting as. */
const SUBMITTER_START: readonly JobStatus[] = ['draft', 'review']

/**
 * The job board's state machine on every write path (admin, REST, GraphQL, Local API, the
 * site's forms): a status change must be listed in workflow.ts for the actor making it, or the
 * save is refused with a 400 naming the allowed moves, and nothing is stored. Also:
 * - a submitter's edit of an approved job sends it back to review (the text changed unseen);
 * - a submitter cannot edit an expired or removed job at all (SUBMITTER_EDITABLE);
 * - the first approval sets the listing's expiry, JOB_LISTING_DAYS ahead.
 */
export const enforceJobWorkflow: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  const actor = jobActorOf(req)
  // An explicit null empties a required field: refused, not read as "keep the status" (a save
  // that leaves the status out keeps it).
  if (data.status === null) throw new APIError('A job needs a status: leave it out to keep the current one.', 400, undefined, true)
  const requested = data.status ?? originalDoc?.status ?? 'draft'
  if (!isJobStatus(requested)) throw new APIError(`"${String(requested)}" is not a job status.`, 400, undefined, true)
  let status: JobStatus = requested

  if (operation === 'create') {
    if (actor === 'submitter' && !SUBMITTER_START.includes(status)) {
      throw new APIError(`A new job starts as a draft or in review, not "${status}".`, 400, undefined, true)
    }
  } else {
    const previous = originalDoc?.status
    const from: JobStatus = isJobStatus(previous) ? previous : 'draft'
    // An expired or removed posting is history: its submitter posts a new one instead.
    if (actor === 'submitter' && !SUBMITTER_EDITABLE.includes(from)) {
      throw new APIError(`This job is ${from} and can no longer be edited; post a new one instead.`, 400, undefined, true)
    }
    if (actor === 'submitter' && from === 'approved' && status === 'approved') status = 'review'
    if (!mayMoveJob(from, status, actor)) throw new APIError(refusedMoveMessage(from, status, actor), 400, undefined, true)
  }

  if (actor === 'submitter') {
    for (const field of MODERATOR_FIELDS) {
      if (originalDoc === undefined) delete data[field]
      else data[field] = originalDoc[field]
    }
  }
  data.status = status
  if (status === 'approved' && originalDoc?.status !== 'approved') {
    const now = new Date()
    const firstApproval = originalDoc?.approvedAt == null
    // A moderator may set the expiry on the same save; otherwise the first approval sets it.
    const expiryGiven = data.expires != null && data.expires !== originalDoc?.expires
    if (firstApproval) data.approvedAt = now.toISOString()
    if ((firstApproval && !expiryGiven) || data.expires == null) data.expires = new Date(now.getTime() + JOB_LISTING_DAYS * 24 * 60 * 60 * 1000).toISOString()
  }
  return data
}
