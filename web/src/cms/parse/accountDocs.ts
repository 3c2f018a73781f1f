/**
 * The CMS's `account` object (the account endpoints' own view of the signed-in account,
 * collections/Accounts/endpoints), declared over the generated Account type plus what the
 * endpoint adds (psfMember). Read leniently: the id, username and email are required (else
 * there is no account: null); anything else odd reads as its safe default.
 */
import { z } from 'zod';

import type { Account } from '../../../../collections/generated/payload-types';
import type { SignedInAccount } from '../../services/accountService';
import { fieldsOf } from './schemaFields';

const text = z.string().catch('');
const textOrNull = z.string().nullable().catch(null);
/** Shown unless the account said no. */
const unlessFalse = z.unknown().optional().transform((value) => value !== false);

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
