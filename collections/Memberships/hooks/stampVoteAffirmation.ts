import type { CollectionBeforeChangeHook } from 'payload'

/**
 * python.org sets `last_vote_affirmation` on the first save with `votes` (Membership.save): a
 * member who chooses to vote has affirmed it then. Later affirmations (the yearly one) set it
 * explicitly; clearing `votes` keeps the date, as python.org does.
 */
export const stampVoteAffirmation: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const votes = data.votes ?? originalDoc?.votes
  const last = data.lastVoteAffirmation ?? originalDoc?.lastVoteAffirmation
  if (votes === true && (last === null || last === undefined || last === '')) data.lastVoteAffirmation = new Date().toISOString()
  return data
}
