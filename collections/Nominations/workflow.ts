/**
 * Who may change a nomination, and when: python.org's apps/nominations rules in one table that
 * the hook (hooks/enforceNominationRules.ts), the site and the tests all read.
 *
 * Actors, as enforceNominationRules finds them for a request:
 * - `member`: a signed-in account with a PSF membership (collections/Memberships), creating;
 * - `nominator`: the account that made the nomination;
 * - `nominee`: the account the nomination is linked to (or, through the mailed invitation link,
 *   the signed-in account whose address the nomination names);
 * - `psf-staff`: staff with the psf-staff role, or admins (in the admin or through the API);
 * - `system`: server code without a user (the seed, jobs). Anyone else is refused everything.
 *
 * Conditions: `always`; `open` (the election's nomination window is open); `unanswered` (open,
 * and the nomination is neither accepted nor approved: python.org's edit rule for the nominator);
 * `accepted` (the nomination has a nominee who accepted it: approving one before that is what
 * made python.org's approval crash).
 */
export const NOMINATION_ACTORS = ['member', 'nominator', 'nominee', 'psf-staff', 'system'] as const
export type NominationActor = (typeof NOMINATION_ACTORS)[number]

export const NOMINATION_CHANGES = ['create', 'editContent', 'accept', 'decline', 'approve', 'unapprove', 'linkNominee'] as const
export type NominationChange = (typeof NOMINATION_CHANGES)[number]

export type NominationCondition = 'always' | 'open' | 'unanswered' | 'accepted'

/** change -> actor -> condition. An actor not listed for a change is refused it. */
export const NOMINATION_RULES: Readonly<Record<NominationChange, Partial<Record<NominationActor, NominationCondition>>>> = {
  create: { member: 'open', 'psf-staff': 'always', system: 'always' },
  // Name, email, employer, service, affiliations, statement, acknowledgements.
  editContent: { nominator: 'unanswered', 'psf-staff': 'always', system: 'always' },
  accept: { nominee: 'open', system: 'always' },
  decline: { nominee: 'open', system: 'always' },
  approve: { 'psf-staff': 'accepted', system: 'accepted' },
  unapprove: { 'psf-staff': 'always', system: 'always' },
  // Setting who the nominee is: the nominee through their invitation link, or staff in the admin.
  linkNominee: { nominee: 'open', 'psf-staff': 'always', system: 'always' },
}

/** The fields a nominator writes (python.org's NominationForm, acknowledgements included). */
export const NOMINATION_CONTENT_FIELDS = [
  'name',
  'email',
  'employer',
  'previousService',
  'otherAffiliations',
  'statement',
  'codeOfConductAcknowledged',
  'missionAlignment',
  'eligibilityConfirmed',
] as const

/** The acknowledgements: only a self-nomination keeps them (python.org forces them false otherwise). */
export const ACKNOWLEDGEMENTS = ['codeOfConductAcknowledged', 'missionAlignment', 'eligibilityConfirmed'] as const

export interface NominationFacts {
  readonly windowOpen: boolean
  readonly accepted: boolean
  readonly approved: boolean
  readonly hasNominee: boolean
}

export function conditionHolds(condition: NominationCondition, facts: NominationFacts): boolean {
  switch (condition) {
    case 'always':
      return true
    case 'open':
      return facts.windowOpen
    case 'unanswered':
      return facts.windowOpen && !facts.accepted && !facts.approved
    case 'accepted':
      return facts.hasNominee && facts.accepted
  }
}

/** Whether any of `actors` may make `change` given `facts`. */
export function mayChangeNomination(change: NominationChange, actors: readonly NominationActor[], facts: NominationFacts): boolean {
  const rule = NOMINATION_RULES[change]
  return actors.some((actor) => {
    const condition = rule[actor]
    return condition !== undefined && conditionHolds(condition, facts)
  })
}
