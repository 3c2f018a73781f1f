/**
 * python.org's PSF membership types (apps/users/models.py Membership.membership_type). A visitor
 * signs up as Basic; only PSF staff grant the others.
 */
export const MEMBERSHIP_TYPES = ['basic', 'supporting', 'sponsor', 'contributing', 'fellow'] as const

export type MembershipType = (typeof MEMBERSHIP_TYPES)[number]

export const MEMBERSHIP_TYPE_LABELS: Record<MembershipType, string> = {
  basic: 'Basic Member',
  supporting: 'Supporting Member',
  sponsor: 'Sponsor Member',
  contributing: 'Contributing Member',
  fellow: 'Fellow',
}
