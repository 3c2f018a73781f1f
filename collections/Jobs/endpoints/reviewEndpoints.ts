import type { Endpoint, PayloadRequest } from 'payload'

import { failed, readBody, succeeded } from '../../Accounts/endpoints/accountResponses'
import { reviewJobBody } from './jobBodies'
import { siteModeratorOf } from './siteModeratorOf'

/** python.org's review queue showed 20 a page; more than one screen of postings waiting is a backlog, not a page. */
const QUEUE_LENGTH = 50
/** The discussion shown beside each job in the queue. */
const COMMENTS_PER_JOB = 20
/** As the review comment field (collections/JobReviewComments). */
const COMMENT_MAX_LENGTH = 5_000

const ACTIONS = ['comment', 'approve', 'reject'] as const
type ReviewAction = (typeof ACTIONS)[number]

const NOT_A_MODERATOR = 'Only the job board\'s moderators may review jobs.'

/** A refusal the collection or its workflow threw (4xx) as this endpoint's answer; anything else is a real failure. */
function refusalOf(error: unknown): Response {
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : 500
  if (status >= 400 && status < 500) {
    const message = error instanceof Error && error.message !== '' ? error.message : 'The job could not be changed.'
    return failed(status === 404 ? 404 : status === 403 ? 403 : 400, message)
  }
  throw error
}

function jobIdOf(req: PayloadRequest): number | null {
  const raw = req.routeParams?.['id']
  return typeof raw === 'string' && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null
}

/**
 * `GET /api/jobs/review-queue`: the postings waiting in review, oldest first, each with its review
 * discussion, for the site's /jobs/review/ page. Only an account linked to a jobs moderator
 * (siteModeratorOf) gets an answer; everyone else a 403. Read as that staff user.
 */
export const reviewQueueEndpoint: Endpoint = {
  path: '/review-queue',
  method: 'get',
  handler: async (req) => {
    const moderator = await siteModeratorOf(req)
    if (moderator === null) return failed(403, NOT_A_MODERATOR)
    const jobs = await req.payload.find({ collection: 'jobs', where: { status: { equals: 'review' } }, sort: 'createdAt', limit: QUEUE_LENGTH, depth: 0, overrideAccess: false, user: moderator })
    const ids = jobs.docs.map((job) => job.id)
    const comments =
      ids.length === 0
        ? []
        : (await req.payload.find({ collection: 'job-review-comments', where: { job: { in: ids } }, sort: '-createdAt', limit: QUEUE_LENGTH * COMMENTS_PER_JOB, depth: 1, overrideAccess: false, user: moderator })).docs
    const discussion = jobs.docs.map((job) => ({
      job,
      comments: comments
        .filter((comment) => (typeof comment.job === 'object' ? comment.job?.id : comment.job) === job.id)
        .slice(0, COMMENTS_PER_JOB)
        .map((comment) => ({ comment: comment.comment, createdAt: comment.createdAt, by: typeof comment.createdBy === 'object' && comment.createdBy !== null ? comment.createdBy.username : null })),
    }))
    return succeeded('', { moderator: moderator.username, queue: discussion, total: jobs.totalDocs })
  },
}

/**
 * `POST /api/jobs/<id>/review` `{ action: comment | approve | reject, comment }`: the review
 * queue's buttons. The comment is saved first (a rejection mail quotes the latest one), then the
 * move, both as the linked staff user, so the collection's access and the workflow decide: a move
 * the table does not list is the workflow's 400 with its message, and nothing moves.
 */
export const reviewJobEndpoint: Endpoint = {
  path: '/:id/review',
  method: 'post',
  handler: async (req) => {
    const moderator = await siteModeratorOf(req)
    if (moderator === null) return failed(403, NOT_A_MODERATOR)
    const id = jobIdOf(req)
    if (id === null) return failed(404, 'There is no such job.')
    const body = await readBody(req, reviewJobBody)
    if (body === null) return failed(400, 'The request body must be a JSON object.')
    const action = body.action as ReviewAction
    if (!ACTIONS.includes(action)) return failed(400, 'Choose comment, approve or reject.', { action: 'Choose comment, approve or reject.' })
    const { comment } = body
    if (comment.length > COMMENT_MAX_LENGTH) return failed(400, `Use at most ${COMMENT_MAX_LENGTH} characters.`, { comment: `Use at most ${COMMENT_MAX_LENGTH} characters.` })
    if (action === 'comment' && comment === '') return failed(400, 'Write a comment.', { comment: 'Write a comment.' })

    try {
      const job = await req.payload.findByID({ collection: 'jobs', id, depth: 0, overrideAccess: false, user: moderator, disableErrors: true })
      if (job === null) return failed(404, 'There is no such job.')
      if (comment !== '') await req.payload.create({ collection: 'job-review-comments', data: { job: id, comment }, overrideAccess: false, user: moderator })
      if (action === 'comment') return succeeded('Your comment was sent to the submitter.', { job: { id, status: job.status } })
      const status = action === 'approve' ? 'approved' : 'rejected'
      const moved = await req.payload.update({ collection: 'jobs', id, data: { status }, depth: 0, overrideAccess: false, user: moderator })
      return succeeded(action === 'approve' ? 'The job is approved and listed.' : 'The job is rejected; the submitter was told.', { job: { id, status: moved.status } })
    } catch (error) {
      return refusalOf(error)
    }
  },
}

export const jobEndpoints: Endpoint[] = [reviewQueueEndpoint, reviewJobEndpoint]
