import type { PayloadRequest } from 'payload'
import { z } from 'zod'

import { legacyValidationError } from './legacyErrors'
import { RELATION_TARGETS, type LegacyField, type LegacyResource } from './legacyResources'
import { idFromResourceUri } from './legacyUris'

type FieldErrors = Record<string, string[]>

const DATETIME_MESSAGE = 'Expected an ISO 8601 date and time, e.g. "2025-10-07T14:00:00".'

/** A date as tastypie accepts it; a date-time without a zone is UTC, as python.org stores it. */
function parseDate(value: string): string | null {
  const withZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value) ? `${value}Z` : value
  const date = new Date(withZone)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/**
 * The legacy API's scalar kinds as zod schemas, with tastypie's messages (the release tooling
 * shows them as they are). Relations are checked against the database below.
 */
const SCALAR_SCHEMAS = {
  string: z.string({ error: 'Expected a string.' }),
  boolean: z.boolean({ error: 'Expected true or false.' }),
  integer: z.number({ error: 'Expected an integer.' }).int({ error: 'Expected an integer.' }).refine(Number.isSafeInteger, { error: 'Expected an integer.' }),
  datetime: z
    .string({ error: DATETIME_MESSAGE })
    .transform((value, context) => {
      const date = parseDate(value)
      if (date === null) context.addIssue({ code: 'custom', message: DATETIME_MESSAGE })
      return date ?? z.NEVER
    }),
} satisfies Record<Exclude<LegacyField['kind'], 'relation'>, z.ZodType>

async function parseField(field: LegacyField, value: unknown, req: PayloadRequest): Promise<{ value: unknown } | { error: string }> {
  if (value === null && field.kind !== 'boolean' && field.kind !== 'integer') return { value: null }
  switch (field.kind) {
    case 'string':
    case 'boolean':
    case 'integer':
    case 'datetime': {
      const parsed = SCALAR_SCHEMAS[field.kind].safeParse(value)
      return parsed.success ? { value: parsed.data } : { error: parsed.error.issues[0]?.message ?? 'Invalid value.' }
    }
    case 'relation': {
      const relation = field.relation
      if (relation === undefined) return { error: 'Not writable.' }
      const id = idFromResourceUri(value, relation)
      const example = `/api/v1/${RELATION_TARGETS[relation].path}/<id>/`
      if (id === null) return { error: `Expected a resource URI like "${example}", got ${JSON.stringify(value)}.` }
      const target = await req.payload.findByID({
        collection: RELATION_TARGETS[relation].collection,
        id,
        depth: 0,
        req,
        overrideAccess: true,
        disableErrors: true,
      })
      return target ? { value: id } : { error: `Could not find the provided object via resource URI '${String(value)}'.` }
    }
  }
}

/**
 * The Payload data for a POSTed legacy object: snake_case fields mapped onto the collection's,
 * resource URIs resolved to ids, server-decided fields (`is_source`) and unknown keys ignored,
 * as tastypie ignores them. Type errors are a 400 naming the field; the collection's own rules
 * are checked when the data is saved.
 */
export async function parseLegacyInput(resource: LegacyResource, body: Record<string, unknown>, req: PayloadRequest): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = {}
  const errors: FieldErrors = {}
  for (const field of resource.fields) {
    if (field.serverSet || !Object.hasOwn(body, field.api)) continue
    const parsed = await parseField(field, body[field.api], req)
    if ('error' in parsed) errors[field.api] = [parsed.error]
    else data[field.field] = parsed.value
  }
  if (Object.keys(errors).length > 0) throw legacyValidationError(resource, errors)
  return data
}
