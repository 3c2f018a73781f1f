import { APIError, type CollectionBeforeChangeHook } from 'payload'

import {
  isSponsorshipStatus,
  mayMoveSponsorship,
  refusedSponsorshipMove,
  SPONSORSHIP_START,
  STATUS_DATE_FIELD,
  type SponsorshipStatus,
} from '../workflow'
import { sponsorshipActorOf } from './sponsorshipActorOf'

/** What approving needs (python.org's "Generate Contract for Signing" form): the terms of the contract. */
const TERMS = ['package', 'startDate', 'endDate', 'sponsorshipFee'] as const

/** A bound on the recorded moves: a sponsorship moves a handful of times; more is refused as suspicious. */
export const MAX_STATUS_HISTORY = 100

type HistoryRow = { from?: string | null; to: string; at: string; userId?: number | null; userName?: string | null }

function actorName(user: unknown): string {
  const holder = user as { username?: unknown; email?: unknown } | null | undefined
  if (typeof holder?.username === 'string' && holder.username !== '') return holder.username
  return typeof holder?.email === 'string' ? holder.email : 'system'
}

function refuse(message: string): never {
  throw new APIError(message, 400, undefined, true)
}

/**
 * The sponsorship's state machine on every write path (admin, REST, GraphQL, Local API): a status
 * change must be listed in workflow.ts for the actor making it, or the save is refused with a 400
 * naming the allowed moves, and nothing is stored. Every move (the first state included) is
 * appended to `statusHistory` with who and when, and stamps the state's date (python.org's
 * approved_on, ...); a rollback to applied clears the decision's dates, as python.org's does.
 * Approving or finalizing needs the contract's terms: package, dates and fee.
 */
export const enforceSponsorshipWorkflow: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  const actor = sponsorshipActorOf(req)
  // An explicit null empties a required field: refused, not read as "keep the status" (a save
  // that leaves the status out keeps it). The bad-input fuzz found a bulk PATCH accepted.
  if (data.status === null) refuse('A sponsorship needs a status: leave it out to keep the current one.')
  const requested = data.status ?? originalDoc?.status ?? 'applied'
  if (!isSponsorshipStatus(requested)) refuse(`"${String(requested)}" is not a sponsorship status.`)
  const to: SponsorshipStatus = requested
  let from: SponsorshipStatus | null = null

  if (operation === 'create') {
    if (!SPONSORSHIP_START[actor].includes(to)) refuse(`A new sponsorship starts as "applied", not "${to}".`)
  } else {
    const previous: SponsorshipStatus = isSponsorshipStatus(originalDoc?.status) ? originalDoc.status : 'applied'
    if (!mayMoveSponsorship(previous, to, actor)) refuse(refusedSponsorshipMove(previous, to, actor))
    from = previous
  }

  const merged = { ...originalDoc, ...data } as Record<string, unknown>
  if (to === 'approved' || to === 'finalized') {
    const missing = TERMS.filter((field) => merged[field] == null || merged[field] === '')
    if (missing.length > 0) refuse(`An ${to} sponsorship needs its ${missing.join(', ')}.`)
  }
  // python.org finalizes by executing the contract with its signed copy; server code (the seed) may store a finalized sample without one.
  if (to === 'finalized' && from !== 'finalized' && actor !== 'system' && (merged.signedContract == null || merged.signedContract === '')) {
    refuse('A sponsorship is finalized with its signed contract: upload the signed copy first (signedContract).')
  }
  if (merged.startDate != null && merged.endDate != null && new Date(String(merged.endDate)) <= new Date(String(merged.startDate))) {
    refuse('The end date must come after the start date.')
  }

  data.status = to
  // The dates and the history are the workflow's alone (their fields refuse direct writes).
  const history = Array.isArray(originalDoc?.statusHistory) ? (originalDoc.statusHistory as HistoryRow[]) : []
  for (const field of Object.values(STATUS_DATE_FIELD)) data[field] = originalDoc?.[field] ?? null
  data.statusHistory = history
  if (from === to) return data

  if (history.length >= MAX_STATUS_HISTORY) refuse(`This sponsorship has moved ${history.length} times; an administrator must look at it.`)
  const now = new Date().toISOString()
  const user = req.user as { id?: unknown } | null | undefined
  data.statusHistory = [...history, { from, to, at: now, userId: typeof user?.id === 'number' ? user.id : null, userName: actorName(req.user) }]
  data[STATUS_DATE_FIELD[to]] = now
  if (to === 'applied') {
    data.approvedOn = null
    data.rejectedOn = null
  }
  return data
}
