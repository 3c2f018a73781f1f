import { z } from 'zod'

import { bodyText as field } from '../../Accounts/endpoints/bodyFields'

/**
 * The job endpoints' request bodies (issue 16: one schema; accountBodies.ts is the model). A body
 * must be a JSON object (anything else is the endpoint's 400); a text member reads as '' when
 * absent or not a string, so the endpoint's own checks give the field's message.
 */

/** `POST /api/jobs/<id>/review`: the action is checked by the endpoint (its message names the choices). */
export const reviewJobBody = z.object({ action: field, comment: field })
