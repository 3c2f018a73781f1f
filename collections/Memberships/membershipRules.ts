import type { Membership } from '../generated/payload-types'
import { emailProblem } from '../Accounts/accountRules'

/**
 * What python.org's membership form accepts (apps/users/forms.py MembershipForm over the model's
 * lengths): every text field required, names and places up to 100 characters, the postal code up
 * to 20, the code of conduct agreed to ("Yes") on sign-up. The edit form leaves the code of
 * conduct out on purpose: an agreement, once given, is not withdrawn by editing an address.
 */
export const MEMBERSHIP_TEXT_FIELDS = {
  legalName: { max: 100, missing: 'Enter your legal name.' },
  preferredName: { max: 100, missing: 'Enter the name you would like to be called.' },
  city: { max: 100, missing: 'Enter your city.' },
  region: { max: 100, missing: 'Enter your state, province or region.' },
  country: { max: 100, missing: 'Enter your country.' },
  postalCode: { max: 20, missing: 'Enter your postal code.' },
} as const

export type MembershipTextField = keyof typeof MEMBERSHIP_TEXT_FIELDS

export const CODE_OF_CONDUCT_REQUIRED = 'Agreeing to the code of conduct is required.'

/** python.org asks voting members to affirm their intent to vote once a year (Membership.needs_vote_affirmation). */
export const VOTE_AFFIRMATION_DAYS = 366

const DAY_MS = 24 * 60 * 60 * 1000

/** A voting member who never affirmed, or last did more than VOTE_AFFIRMATION_DAYS ago. */
export function needsVoteAffirmation(membership: Pick<Membership, 'votes' | 'lastVoteAffirmation'>, now: Date = new Date()): boolean {
  if (membership.votes !== true) return false
  const last = membership.lastVoteAffirmation ? Date.parse(membership.lastVoteAffirmation) : Number.NaN
  return Number.isNaN(last) || now.getTime() - last > VOTE_AFFIRMATION_DAYS * DAY_MS
}

/** The member's email address: the account's rules, within the model's 100 characters. */
export function membershipEmailProblem(value: string): string | null {
  if (value.length > 100) return 'Use at most 100 characters.'
  return emailProblem(value)
}
