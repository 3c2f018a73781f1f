/**
 * Lenient field schemas for the CMS's own endpoint answers (accounts, memberships, sponsorships,
 * nomination invitations), which the renderer reads the way it always has: a missing or
 * wrong-typed field reads as its safe default ('' / null / false / []) and never throws, unlike
 * the strict document schemas of schemaFields.ts, whose failures are CmsResponseErrors.
 */
import { z } from 'zod';

/** A text; anything else reads as ''. */
export const text = z.string().catch('');

/** A text; anything else reads as null ('' stays ''). */
export const textOrNull = z.string().nullable().catch(null);

/** A text that means nothing when empty: '' and anything not a string read as null. */
export const nonEmptyTextOrNull = z.string().min(1).nullable().catch(null);

/** A finite number; anything else reads as null. */
export const numberOrNull = z.number().nullable().catch(null);

/** A checkbox that is on only when the answer says true. */
export const isTrue = z.boolean().catch(false);

/** A checkbox that is on unless the answer says false. */
export const unlessFalse = z.boolean().catch(true);

/** A list of ids: anything not a list reads as [], entries that are not numbers are left out. */
export const numberList = z
  .array(z.unknown())
  .catch([])
  .transform((entries) => entries.filter((entry): entry is number => typeof entry === 'number'));

/**
 * A list of objects: anything not a list reads as []; an entry the schema refuses (not an
 * object, or without what the entry cannot do without, such as its id) is left out. A list
 * entry that is itself a list reads as an object with no fields.
 */
export function listOf<T>(entry: z.ZodType<T>) {
  return z
    .array(z.unknown())
    .catch([])
    .transform((entries) =>
      entries.flatMap((value) => {
        const parsed = entry.safeParse(Array.isArray(value) ? {} : value);
        return parsed.success ? [parsed.data] : [];
      }),
    );
}

/** Parses with a schema that cannot fail for the answer, or null when the answer is refused. */
export function readOrNull<T>(schema: z.ZodType<T>, value: unknown): T | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
