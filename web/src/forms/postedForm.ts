/**
 * Posted urlencoded forms through zod. A form's fields are texts: anything else (a repeated
 * field comes as a list, a missing one as undefined) reads as empty, and the form's own checks
 * (and the CMS's) say what is wrong in words a visitor understands.
 */
import { z } from 'zod';

/** The parsed body as an object; no body (or one that is not an object) has no fields. */
export const postedBody = z.record(z.string(), z.unknown()).catch({});

/** A text field; '' when absent or not a single text. */
export const formText = z.string().catch('');

/** A checkbox: ticked when posted as browsers post it. */
export const formCheckbox = z.unknown().optional().transform((value) => value === 'on');

/** Every text field of the body (what is not a single text is left out). */
export const postedTexts = postedBody.transform((body) =>
  Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string')),
);

/** A form of named fields from a posted body. */
export function postedForm<S extends z.ZodRawShape>(shape: S) {
  return postedBody.pipe(z.object(shape));
}
