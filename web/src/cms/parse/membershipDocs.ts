/**
 * The CMS's `membership` object (collections/Memberships/endpoints, ownMembershipView): the
 * Membership document's own fields plus what the endpoint adds (the type's label and whether
 * the vote must be affirmed again), declared over the generated Membership type. Read
 * leniently: without a known membership type and a legal name there is no membership (null);
 * any other odd field reads as its safe default.
 */
import { z } from 'zod';

import type { Membership } from '../../../../collections/generated/payload-types';
import type { OwnMembership } from '../../services/membershipService';
import { isTrue, readOrNull, text, textOrNull } from './lenientFields';
import { fieldsOf } from './schemaFields';

const membershipSchema = fieldsOf<Membership & { membershipTypeLabel?: string; needsVoteAffirmation?: boolean }>()({
  membershipType: z.enum(['basic', 'supporting', 'sponsor', 'contributing', 'fellow']),
  membershipTypeLabel: text,
  legalName: z.string(),
  preferredName: text,
  emailAddress: text,
  city: text,
  region: text,
  country: text,
  postalCode: text,
  codeOfConduct: isTrue,
  announcements: isTrue,
  votes: isTrue,
  lastVoteAffirmation: textOrNull,
  needsVoteAffirmation: isTrue,
}) satisfies z.ZodType<OwnMembership>;

export const parseMembership = (value: unknown): OwnMembership | null => readOrNull(membershipSchema, value);
