import { z } from 'zod'

/**
 * The nomination endpoints' request bodies (issue 16: one schema; accountBodies.ts is the model).
 * A body must be a JSON object (anything else is the endpoint's 400 `NOT_JSON`); a member reads
 * as '' (or undefined where the endpoint says "must be text") when absent or not a string, so the
 * endpoint's own checks give the message.
 */

/** `POST /api/nominations/invitation`: the token as sent (its pattern is checked by findInvitation), the answer trimmed. */
export const invitationBody = z.object({ token: z.string().catch(''), answer: z.string().trim().catch('') })

/** `POST /api/nominations/preview`: the statement as typed; undefined when absent or not a string (the endpoint's 400). */
export const previewStatementBody = z.object({ statement: z.string().optional().catch(undefined) })
