import { z } from 'zod'

/**
 * The sponsorship endpoints' request bodies (issue 16: one schema; accountBodies.ts is the model).
 * A body must be a JSON object (anything else is the endpoint's 400); a text member reads as ''
 * when absent or not a string, so the endpoint's own checks give the field's message.
 */

/** A text member, trimmed; '' when absent or not a string. */
const field = z.string().trim().catch('')

/** `POST /api/sponsorships/mine/:id/assets/:assetId` for a text or link asset (images are multipart). */
export const assetValueBody = z.object({ value: field })
