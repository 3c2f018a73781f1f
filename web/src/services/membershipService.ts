/**
 * PSF membership as the site's routes see it (issue 13): python.org's /users/membership/ sign-up
 * and edit forms, the yearly vote affirmation and leaving. The CMS keeps memberships (one per
 * account, collections/Memberships) and decides what an account may write; this service reaches
 * its membership endpoints through the one CMS client, as the signed-in visitor's session.
 */
import type { AccountOutcome } from './accountService';

export type MembershipType = 'basic' | 'supporting' | 'sponsor' | 'contributing' | 'fellow';

/** The signed-in visitor's own membership (never cached, never shared). */
export interface OwnMembership {
  readonly membershipType: MembershipType;
  /** "Basic Member", "Fellow"... */
  readonly membershipTypeLabel: string;
  readonly legalName: string;
  readonly preferredName: string;
  readonly emailAddress: string;
  readonly city: string;
  readonly region: string;
  readonly country: string;
  readonly postalCode: string;
  readonly codeOfConduct: boolean;
  readonly announcements: boolean;
  readonly votes: boolean;
  /** ISO date-time of the last affirmation of the intent to vote; null when never. */
  readonly lastVoteAffirmation: string | null;
  /** A voting member whose last affirmation is more than 366 days old, or who never affirmed. */
  readonly needsVoteAffirmation: boolean;
}

/** The form's fields (python.org's MembershipForm, with its announcements and votes choices). */
export interface MembershipInput {
  readonly legalName: string;
  readonly preferredName: string;
  readonly emailAddress: string;
  readonly city: string;
  readonly region: string;
  readonly country: string;
  readonly postalCode: string;
  readonly announcements: boolean;
  readonly votes: boolean;
}

export interface MembershipService {
  /** The session's membership; null when the account is not a member (or the session ended). */
  mine(session: string): Promise<OwnMembership | null>;
  /** Signs up as a Basic member; `codeOfConduct` must be true. 409 when already a member. */
  join(session: string, input: MembershipInput & { readonly codeOfConduct: boolean }): Promise<AccountOutcome<OwnMembership>>;
  /** Saves the edit form (the code of conduct is not part of it). 404 when not a member. */
  update(session: string, input: MembershipInput): Promise<AccountOutcome<OwnMembership>>;
  /** Records the yearly affirmation of the intent to vote. 404 when not a member. */
  affirmVote(session: string): Promise<AccountOutcome<OwnMembership>>;
  /** Ends the membership. 404 when not a member. */
  leave(session: string): Promise<AccountOutcome>;
}
