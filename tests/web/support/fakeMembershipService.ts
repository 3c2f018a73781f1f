/**
 * A MembershipService in memory for the site's route tests, keyed by the fake account service's
 * sessions: it follows the CMS's contract (401 without a session, 400 with field errors, 409 for a
 * second sign-up, 404 for a non-member) with the CMS's form rules reduced to "required".
 */
import type { AccountFailure } from '../../../web/src/services/accountService';
import type { MembershipInput, MembershipService, OwnMembership } from '../../../web/src/services/membershipService';
import type { FakeAccounts } from './fakeAccountService';

export interface FakeMemberships extends MembershipService {
  /** By username. */
  readonly memberships: Map<string, OwnMembership>;
  readonly calls: string[];
}

const failure = (status: AccountFailure['status'], message: string, errors: Record<string, string> = {}): AccountFailure => ({ ok: false, status, message, errors });

const TEXT_FIELDS = ['legalName', 'preferredName', 'emailAddress', 'city', 'region', 'country', 'postalCode'] as const;

export function createFakeMembershipService(accounts: FakeAccounts): FakeMemberships {
  const memberships = new Map<string, OwnMembership>();
  const calls: string[] = [];
  const usernameOf = (session: string) => accounts.sessions.get(session);
  const problems = (input: MembershipInput): Record<string, string> =>
    Object.fromEntries(TEXT_FIELDS.filter((name) => input[name].trim() === '').map((name) => [name, 'This field is required.']));
  const stored = (input: MembershipInput, previous?: OwnMembership): OwnMembership => ({
    membershipType: previous?.membershipType ?? 'basic',
    membershipTypeLabel: previous?.membershipTypeLabel ?? 'Basic Member',
    ...input,
    codeOfConduct: true,
    lastVoteAffirmation: previous?.lastVoteAffirmation ?? (input.votes ? new Date().toISOString() : null),
    needsVoteAffirmation: false,
  });

  return {
    memberships,
    calls,
    async mine(session) {
      calls.push('mine');
      const username = usernameOf(session);
      return username === undefined ? null : (memberships.get(username) ?? null);
    },
    async join(session, input) {
      calls.push('join');
      const username = usernameOf(session);
      if (username === undefined) return failure(401, 'Please sign in.');
      const errors = problems(input);
      if (!input.codeOfConduct) errors.codeOfConduct = 'Agreeing to the code of conduct is required.';
      if (Object.keys(errors).length > 0) return failure(400, 'Please correct the errors below.', errors);
      if (memberships.has(username)) return failure(409, 'You are already a PSF member: edit your membership instead.');
      const membership = stored(input);
      memberships.set(username, membership);
      const account = accounts.accounts.get(username);
      if (account) account.psfMember = true;
      return { ok: true, value: membership, message: 'Your membership information has been saved successfully.' };
    },
    async update(session, input) {
      calls.push('update');
      const username = usernameOf(session);
      if (username === undefined) return failure(401, 'Please sign in.');
      const errors = problems(input);
      if (Object.keys(errors).length > 0) return failure(400, 'Please correct the errors below.', errors);
      const previous = memberships.get(username);
      if (previous === undefined) return failure(404, 'You are not a PSF member.');
      const membership = stored(input, previous);
      memberships.set(username, membership);
      return { ok: true, value: membership, message: 'Your membership information has been saved successfully.' };
    },
    async affirmVote(session) {
      calls.push('affirmVote');
      const username = usernameOf(session);
      if (username === undefined) return failure(401, 'Please sign in.');
      const previous = memberships.get(username);
      if (previous === undefined) return failure(404, 'You are not a PSF member.');
      const membership = { ...previous, votes: true, lastVoteAffirmation: new Date().toISOString(), needsVoteAffirmation: false };
      memberships.set(username, membership);
      return { ok: true, value: membership, message: 'Thank you: your intent to vote is recorded for the coming year.' };
    },
    async leave(session) {
      calls.push('leave');
      const username = usernameOf(session);
      if (username === undefined) return failure(401, 'Please sign in.');
      if (!memberships.delete(username)) return failure(404, 'You are not a PSF member.');
      const account = accounts.accounts.get(username);
      if (account) account.psfMember = false;
      return { ok: true, value: undefined, message: 'Your PSF membership has been deleted.' };
    },
  };
}
