/**
 * The CMS's `account` object (the account endpoints' own view of the signed-in account,
 * collections/Accounts/endpoints), declared over the generated Account type plus what the
 * endpoint adds (psfMember). Read leniently: the id, username and email are required (else
 * there is no account: null); anything else odd reads as its safe default.
 */
import { z } from 'zod';

import type { Account } from '../../../../collections/generated/payload-types';
import type { PublicProfile, SignedInAccount } from '../../services/accountService';
import { readOrNull, text, textOrNull, unlessFalse } from './lenientFields';
import { fieldsOf } from './schemaFields';

const accountSchema = fieldsOf<Account & { psfMember?: boolean }>()({
  id: z.number(),
  username: z.string(),
  email: z.string(),
  pendingEmail: textOrNull,
  firstName: text,
  lastName: text,
  bio: text,
  location: text,
  publicProfile: unlessFalse,
  searchVisibility: unlessFalse,
  emailPrivacy: z.enum(['public', 'accounts', 'nobody']).catch('nobody'),
  createdAt: text,
  lastSignInAt: textOrNull,
  psfMember: z.unknown().optional().transform((value) => value === true),
}) satisfies z.ZodType<SignedInAccount>;

export function parseAccount(value: unknown): SignedInAccount | null {
  const parsed = accountSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The CMS's public `profile` of an account (the profile endpoint's view): the Account's own
 * fields plus the rendered bio and the day it joined. Without a username there is no profile.
 */
const profileSchema = fieldsOf<Account & { bioHtml?: string; memberSince?: string }>()({
  username: z.string(),
  firstName: text,
  lastName: text,
  bioHtml: text,
  location: text,
  email: textOrNull,
  searchVisibility: unlessFalse,
  memberSince: text,
}).transform(({ firstName, lastName, ...profile }): PublicProfile => {
  const name = [firstName, lastName].filter((part) => part.trim() !== '').join(' ');
  return { ...profile, displayName: name === '' ? profile.username : name };
});

export const parsePublicProfile = (value: unknown): PublicProfile | null => readOrNull(profileSchema, value);

/** A signed-in answer's session: '' for anything the answer does not hold as text. */
const sessionSchema = z.object({ token: text, expiresAt: text });

export const parseSessionAnswer = (body: Readonly<Record<string, unknown>>): { token: string; expiresAt: string } => sessionSchema.parse(body);
