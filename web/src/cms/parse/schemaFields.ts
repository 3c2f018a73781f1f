/**
 * The zod schemas for the fields of untrusted CMS JSON, and `fieldsOf`, which ties a document
 * schema to the collection's generated Payload type (collections/generated/payload-types.ts,
 * imported for its types only: web/ never loads collections/ at run time).
 *
 * Each field schema carries the message its failure shows; docParser.ts puts the document and
 * field in front of it (`docs[3]: "url" is not an http(s) URL`), which the client turns into one
 * clear CmsResponseError.
 */
import { z } from 'zod';

export const finiteNumber = z.number({ error: 'is not a number' });

export const requiredString = z.string({ error: 'is not a non-empty string' }).min(1, { error: 'is not a non-empty string' });

/** A URL the site links to: anything but an absolute http(s) URL (javascript:, data:) is refused. */
export const httpUrl = requiredString.regex(/^https?:\/\//i, { error: 'is not an http(s) URL' });

// Payload omits or nulls optional fields nobody has filled in.
export const optionalString = z
  .string({ error: 'is not a string' })
  .nullish()
  .transform((value) => (value === undefined || value === null || value === '' ? null : value));

/** An optional text the renderer shows as '' (or another default) when unset. */
export const stringOr = (fallback: string) => optionalString.transform((value) => value ?? fallback);

export const optionalNumber = finiteNumber.nullish().transform((value) => value ?? null);

export const numberOr = (fallback: number) => finiteNumber.nullish().transform((value) => value ?? fallback);

/**
 * A checkbox: unset reads as `fallback`. False by default, which is also the safe reading for
 * flags such as isPublished.
 */
export const flag = (fallback = false) =>
  z
    .boolean({ error: 'is not a boolean' })
    .nullish()
    .transform((value) => value ?? fallback);

export const optionalBoolean = flag(false);

/** A relationship: an id at depth 0, the related document at depth 1; null when unset. */
export const relationId = z
  .union([finiteNumber, z.looseObject({ id: finiteNumber }, { error: 'expected an object' })], { error: 'is not a relation id or document' })
  .nullish()
  .transform((value) => (value === undefined || value === null ? null : typeof value === 'number' ? value : value.id));

/** A relationship the renderer cannot do without. */
export const requiredRelationId = relationId.refine((id) => id !== null, { error: 'is required' }).transform((id) => id as number);

/** What a depth-0 REST answer holds for a field of a generated type: a relation is its id. */
type AtDepth0<V> = V extends readonly (infer E)[] ? AtDepth0<E>[] : V extends { id: number; updatedAt: string } ? number : V;

/**
 * A field schema fits its field when it accepts everything a depth-0 answer can hold there, or
 * when everything it accepts is a value of the field (a stricter reading, such as a required
 * slug the collection's hook always fills in).
 */
type FieldCheck<TDoc, S> = {
  [K in keyof S]: K extends keyof TDoc
    ? [AtDepth0<TDoc[K]>] extends [z.input<S[K]>]
      ? S[K]
      : [z.input<S[K]>] extends [TDoc[K] | null | undefined]
        ? S[K]
        : `the schema of "${K & string}" does not fit the collection's field`
    : `"${K & string}" is not a field of the collection`;
};

/**
 * A document schema over fields of the generated type `TDoc`. Renaming or retyping a field
 * the renderer reads, then regenerating the types, fails the type-check here
 * (tests/collections/generatedTypesAreCurrent.test.ts fails when the types were not
 * regenerated). Unknown keys of the answer are dropped.
 */
export function fieldsOf<TDoc>() {
  return <S extends z.ZodRawShape>(shape: S & FieldCheck<TDoc, S>) => z.object(shape, { error: 'expected an object' });
}
