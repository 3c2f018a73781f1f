/**
 * A sponsorship's life cycle (python.org's `apps/sponsors` Sponsorship status), in one table that
 * the access rules, the hooks, the admin, the site and the access matrix all read. Who may move it:
 * - `manager`: staff with the sponsors-manager role, or admins (python.org: staff with the
 *   sponsorship change permission);
 * - `system`: server code without a user (the seed, a command run by hand).
 * An applicant's account never moves a sponsorship: it applies (the sponsorship starts `applied`)
 * and waits. Rejected and finalized are terminal, as on python.org; "Rollback to Edit" (approved
 * or rejected back to applied) is python.org's way to correct a decision before a contract is signed.
 */
export const SPONSORSHIP_STATUSES = ['applied', 'approved', 'rejected', 'finalized'] as const
export type SponsorshipStatus = (typeof SPONSORSHIP_STATUSES)[number]

export type SponsorshipActor = 'applicant' | 'manager' | 'system'

/** from -> to -> who may make that move. A move not listed is refused for everyone. */
export const SPONSORSHIP_TRANSITIONS: Readonly<Record<SponsorshipStatus, Partial<Record<SponsorshipStatus, readonly SponsorshipActor[]>>>> = {
  applied: { approved: ['manager', 'system'], rejected: ['manager', 'system'] },
  approved: { finalized: ['manager', 'system'], applied: ['manager', 'system'] },
  rejected: { applied: ['manager', 'system'] },
  finalized: {},
}

/** The state a sponsorship starts in, per actor: an application is `applied`; server code (the seed) may store any. */
export const SPONSORSHIP_START: Readonly<Record<SponsorshipActor, readonly SponsorshipStatus[]>> = {
  applicant: ['applied'],
  manager: ['applied'],
  system: SPONSORSHIP_STATUSES,
}

/** Which date field each state stamps when entered (python.org's applied_on, approved_on, ...). */
export const STATUS_DATE_FIELD: Readonly<Record<SponsorshipStatus, string>> = {
  applied: 'appliedOn',
  approved: 'approvedOn',
  rejected: 'rejectedOn',
  finalized: 'finalizedOn',
}

export function isSponsorshipStatus(value: unknown): value is SponsorshipStatus {
  return typeof value === 'string' && (SPONSORSHIP_STATUSES as readonly string[]).includes(value)
}

export function mayMoveSponsorship(from: SponsorshipStatus, to: SponsorshipStatus, actor: SponsorshipActor): boolean {
  if (from === to) return true
  return SPONSORSHIP_TRANSITIONS[from][to]?.includes(actor) ?? false
}

const ACTOR_NAMES: Readonly<Record<SponsorshipActor, string>> = { applicant: 'an applicant', manager: 'a manager', system: 'the system' }

/** A sentence for the 400 that refuses a move. */
export function refusedSponsorshipMove(from: SponsorshipStatus, to: SponsorshipStatus, actor: SponsorshipActor): string {
  const allowed = Object.entries(SPONSORSHIP_TRANSITIONS[from])
    .filter(([, actors]) => actors?.includes(actor))
    .map(([state]) => state)
  const options = allowed.length === 0 ? 'it cannot be moved' : `it can go to ${allowed.join(', ')}`
  return `A sponsorship in "${from}" cannot be moved to "${to}" by ${ACTOR_NAMES[actor]}: ${options}.`
}
