/**
 * REST creates and updates that must be refused: malformed or oversized JSON, wrong types in
 * every field of every collection, and always one required field emptied, so that no generated
 * write is valid and each must end in a 4xx that writes nothing.
 */
import fc from 'fast-check'

import type { CollectionSchema, FieldKind, FieldSchema } from './collectionSchemas'
import type { FuzzRequest } from './FuzzTally'
import { hostileJson, hostileNumber, hostileText, malformedJsonBody } from './hostileValues'

const lexicalJunk = fc.constantFrom<unknown>(
  { root: null },
  { root: { children: 'x' } },
  { root: { type: 'root', children: [{ type: 'block', fields: { blockType: 'rawMarkup', source: 42 } }] } },
  { root: { type: 'root', children: [{ type: 'no-such-node', version: 99 }] } },
  { root: { type: 'root', children: Array.from({ length: 3 }, () => ({ type: 'paragraph', children: [{ type: 'text', text: { nested: true } }] })) } },
)

const WRONG_VALUES: Record<FieldKind, fc.Arbitrary<unknown>> = {
  text: fc.oneof(hostileNumber, fc.boolean(), fc.constantFrom({}, [], [1, 2], { text: 'x' }), hostileText),
  number: fc.oneof(hostileText, fc.constantFrom(true, {}, [], '12abc', 2_147_483_648, -2_147_483_649)),
  boolean: fc.constantFrom('yes', 'no', 0, 1, 'true', {}, [], 2, 'null'),
  date: fc.oneof(hostileText, fc.constantFrom('99999-01-01', '2024-02-30', '0000-00-00', 'yesterday', -1, 1e15, {}, '1970-01-01T25:61:61Z')),
  enum: fc.oneof(hostileText, fc.constantFrom(0, [], {}, 'PUBLISHED', 'draft ')),
  relation: fc.constantFrom('abc', 99_999_999_999, -1, 0, 1.5, { id: 'x' }, [1, 2], '1; DROP TABLE pages', '%00', 'a\u0000b', 2_147_483_647, true),
  richText: fc.oneof(hostileText, lexicalJunk, hostileNumber),
  array: fc.oneof(hostileText, fc.constantFrom({}, 'x', 1), fc.array(hostileJson, { maxLength: 5 })),
  group: fc.oneof(hostileText, fc.constantFrom([], 1, true), fc.dictionary(fc.constantFrom('start', 'end', 'rrule', 'x', '__proto__'), hostileJson, { maxKeys: 3 })),
}

/** A body with wrong values in some fields and one required field set to null. */
function invalidBody(collection: CollectionSchema): fc.Arbitrary<Record<string, unknown>> {
  const required = collection.fields.filter((field) => field.required)
  const wrongFields = fc.subarray(collection.fields, { maxLength: Math.min(6, collection.fields.length) }).chain((fields) =>
    fc.tuple(...fields.map((field: FieldSchema) => WRONG_VALUES[field.kind].map((value) => [field.name, value] as const))),
  )
  return fc.tuple(wrongFields, fc.constantFrom(...required)).map(([entries, emptied]) => ({ ...Object.fromEntries(entries), [emptied.name]: null }))
}

function parsesToObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
  } catch {
    return false
  }
}

export type WriteTarget = { collection: CollectionSchema; existingId: number | null }

/** Collections whose generated writes are certainly invalid: those with a required field. */
export function writableTargets(targets: readonly WriteTarget[]): WriteTarget[] {
  return targets.filter((target) => target.collection.fields.some((field) => field.required))
}

export function restWriteInputs(cmsUrl: string, token: string, targets: readonly WriteTarget[]): fc.Arbitrary<FuzzRequest> {
  const admin = { authorization: `JWT ${token}` }
  const json = { ...admin, 'content-type': 'application/json' }
  return fc.constantFrom(...targets).chain(({ collection, existingId }) => {
    const base = `${cmsUrl}/api/${collection.slug}`
    const body = invalidBody(collection).map((value) => JSON.stringify(value))
    const badId = fc.constantFrom('abc', '99999999999', '-1', '0', '1.5', '%00', '1%3B2', "1'")
    const writes: fc.Arbitrary<FuzzRequest>[] = [
      body.map((text) => ({ method: 'POST', url: base, headers: json, body: text })),
      malformedJsonBody.map((text) => ({ method: 'POST', url: base, headers: json, body: text })),
      fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16').chain((type) =>
        body.map((text) => ({ method: 'POST', url: base, headers: { ...admin, 'content-type': type }, body: text })),
      ),
      body.map((text) => ({ method: 'POST', url: base, headers: { 'content-type': 'application/json' }, body: text })),
      fc.tuple(badId, body).map(([id, text]) => ({ method: 'PATCH', url: `${base}/${id}`, headers: json, body: text })),
      badId.map((id) => ({ method: 'DELETE', url: `${base}/${id}`, headers: admin })),
      // An oversized body: a megabyte or two of text in one field.
      fc.integer({ min: 1, max: 2 }).map((megabytes) => ({ method: 'POST', url: base, headers: json, body: JSON.stringify({ [collection.fields[0]?.name ?? 'x']: 'x'.repeat(megabytes * 1024 * 1024), [collection.fields.find((field) => field.required)?.name ?? 'id']: null }) })),
    ]
    if (existingId !== null) {
      writes.push(
        body.map((text) => ({ method: 'PATCH', url: `${base}/${existingId}`, headers: json, body: text })),
        // An empty body (Payload's `{}`) or an object of unknown fields is a valid no-op PATCH.
        malformedJsonBody.filter((text) => text !== '' && !parsesToObject(text)).map((text) => ({ method: 'PATCH', url: `${base}/${existingId}`, headers: json, body: text })),
        body.map((text) => ({ method: 'PATCH', url: `${base}?where[id][equals]=${existingId}`, headers: json, body: text })),
      )
    }
    return fc.oneof(...writes)
  })
}
