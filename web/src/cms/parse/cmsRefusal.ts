/**
 * A refusal from the CMS, in either of its two shapes: our endpoints' `{ message, errors: { field:
 * message } }` and Payload's REST `{ errors: [{ message, data: { errors: [{ path, message }] } }] }`.
 * Read leniently, as the other endpoint answers are (lenientFields.ts): whatever is missing or of
 * the wrong type reads as nothing, and a field message that is not text is left out (a `String()`
 * of an object whose `toString` is not a function would throw).
 */
import { z } from 'zod';

import { listOf, text } from './lenientFields';

/** More field errors than any form has fields: the rest are not shown. */
const MAX_FIELD_ERRORS = 50;

export type CmsRefusal = { readonly message: string; readonly fieldErrors: Readonly<Record<string, string>> };

const fieldDetail = z.object({ path: z.string(), message: z.string() });

const payloadError = z
  .object({ message: text, data: z.object({ errors: listOf(fieldDetail) }).catch({ errors: [] }) })
  .catch({ message: '', data: { errors: [] } })
  .transform((error) => ({ message: error.message, fields: error.data.errors.map((detail) => [detail.path, detail.message] as const) }));

const endpointErrors = z
  .record(z.string(), z.unknown())
  .transform((map) => ({ message: '', fields: Object.entries(map).filter((entry): entry is [string, string] => typeof entry[1] === 'string') }));

const refusalBody = z
  .object({
    message: text,
    // Payload's list: its first error is the one that happened.
    errors: z.union([z.tuple([payloadError]).rest(z.unknown()).transform(([first]) => first), endpointErrors]).catch({ message: '', fields: [] }),
  })
  .catch({ message: '', errors: { message: '', fields: [] } });

/** The message and field errors of a CMS refusal; '' and {} where it has none. */
export function parseCmsRefusal(body: unknown): CmsRefusal {
  const { message, errors } = refusalBody.parse(body);
  return { message: message || errors.message, fieldErrors: Object.fromEntries(errors.fields.slice(0, MAX_FIELD_ERRORS)) };
}
