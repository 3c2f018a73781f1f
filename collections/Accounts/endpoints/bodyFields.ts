import { z } from 'zod'

/**
 * The members every endpoint body schema is made of (accountBodies.ts and each app's `*Bodies.ts`):
 * a body must be a JSON object, and its members read leniently, so the endpoint's own checks
 * give each field's message.
 */

/** A text member, trimmed; '' when absent or not a string. */
export const bodyText = z.string().trim().catch('')

/** A member the endpoint checks itself (its field message names the choice). */
export const bodyChoice = z.unknown().optional()

/**
 * A form's members, plus `staffFields`: which of the staff-only `names` the body names, with any
 * value (read before the form's members are picked out, since picking them drops the rest); the
 * endpoint refuses a body that names one.
 */
export function withStaffFieldNames<Shape extends z.ZodRawShape>(names: readonly string[], shape: Shape) {
  return z
    .looseObject({})
    .transform((body): Record<string, unknown> => ({ ...body, staffFields: names.filter((name) => name in body) }))
    .pipe(z.object({ ...shape, staffFields: z.array(z.string()) }))
}
