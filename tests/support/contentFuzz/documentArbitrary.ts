/**
 * A fast-check generator of whole documents for a collection, derived from its Payload field
 * config (so a new field or collection is fuzzed without touching the tests): every field gets
 * hostile content of its type within its own limits, optional fields are sometimes left out,
 * relationships point at documents that exist (or, rarely, at ones that do not).
 */
import fc from 'fast-check'
import type { Field } from 'payload'

import { hostileLexical } from './hostileLexical'
import { hostileDate, hostileHtml, hostileMarkdown, hostileNumber, hostileRestructuredText, hostileString, hostileUrl, recurrenceRule } from './hostileContent'

/** Ids of existing documents per collection, for relationship fields. */
export type RelationPool = ReadonlyMap<string, readonly (number | string)[]>

/**
 * Values an editor types that must have a shape to be accepted (a release name, a page path):
 * mostly that shape with hostile parts, so that the document is saved and rendered. Keyed by
 * `collection.field` or `field`. `unique` is a number no other generated document has.
 */
type Shaped = (unique: number) => fc.Arbitrary<unknown>

/** Lone surrogates cannot be percent-encoded (encodeURIComponent throws): they become U+FFFD in a path. */
const wellFormed = (text: string) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')

const segment = hostileString(60).map((text) => encodeURIComponent(wellFormed(text)).slice(0, 80).replace(/%[0-9A-F]?$/, '') || 'x')

const pathSegments = fc.oneof(
  fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,40}(\/[a-z0-9][a-z0-9.-]{0,40}){0,8}$/),
  fc.integer({ min: 1, max: 400 }).map((length) => 'a'.repeat(length)),
  fc.integer({ min: 1, max: 60 }).map((depth) => Array.from({ length: depth }, () => 'a').join('/')),
)

const SHAPED: Record<string, Shaped> = {
  'releases.name': (unique) => fc.constantFrom('', 'a1', 'rc2', 'b1').map((suffix) => `Python 3.${90 + (unique % 9)}.${unique}${suffix}`),
  'releases.isLatest': () => fc.constant(false),
  'releases.version': () => fc.constantFrom(3, 2, 1, 100),
  'release-files.url': (unique) => segment.map((text) => `https://www.python.org/ftp/python/3.99.${unique}/${text.replace(/%/g, '')}`),
  'release-files.md5Sum': () => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 }),
  'release-files.sha256Sum': () => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }),
  // Each must be the file's URL plus its suffix (releaseFileRules.ts): nothing hostile gets through, so left out.
  ...Object.fromEntries(['gpgSignatureFile', 'sigstoreSignatureFile', 'sigstoreCertFile', 'sigstoreBundleFile', 'sbomSpdx2File'].map((name) => [`release-files.${name}`, () => fc.constant(undefined)])),
  // Page paths and redirect sources are lower-case segments (collections/Pages/pagePath.ts): long, odd but valid ones.
  'pages.path': (unique) => pathSegments.map((text) => `/fuzz-${unique}/${text}/`),
  'redirects.to': () => fc.oneof(pathSegments.map((text) => `/${text}/`), fc.webUrl({ withQueryParameters: true, withFragments: true }), hostileUrl),
  'boxes.label': (unique) => fc.constant(`fuzz-box-${unique}`),
  'redirects.from': (unique) => pathSegments.map((text) => `/fuzz-redirect-${unique}/${text}/`),
  'release-cycles.cycle': (unique) => fc.constant(`3.${900 + unique}`),
  'events.uid': (unique) => hostileString(100).map((text) => `${unique}-${text}`),
  'recurrence.rrule': () => recurrenceRule,
  slug: (unique) => fc.constantFrom('', '-a', '-é').map((suffix) => `fuzz-${unique}${suffix}`),
}

/** Fields whose value the server sets, or that belong to another suite (uploads). */
const SKIPPED_FIELDS = new Set(['id', 'createdAt', 'updatedAt', '_status', 'createdBy', 'updatedBy'])

const URLISH = /url|link|rss|embed|twitter|href|website/i

type Context = { collection: string; pool: RelationPool; unique: number }

function optional(arbitrary: fc.Arbitrary<unknown>, required: boolean): fc.Arbitrary<unknown> {
  return required ? arbitrary : fc.option(arbitrary, { nil: undefined, freq: 2 })
}

function relationArbitrary(relationTo: string | string[], hasMany: boolean, context: Context): fc.Arbitrary<unknown> {
  const targets = Array.isArray(relationTo) ? relationTo : [relationTo]
  const one = fc.constantFrom(...targets).chain((target): fc.Arbitrary<unknown> => {
    const ids = context.pool.get(target) ?? []
    const id = fc.oneof({ weight: 9, arbitrary: ids.length > 0 ? fc.constantFrom(...ids) : fc.constant(2_147_483_647) }, { weight: 1, arbitrary: fc.constantFrom(2_147_483_647, -1, 0) })
    return Array.isArray(relationTo) ? id.map((value) => ({ relationTo: target, value })) : id
  })
  return hasMany ? fc.uniqueArray(one, { maxLength: 5, selector: (value) => JSON.stringify(value) }) : one
}

function textArbitrary(field: { name: string; maxLength?: number; type: string }): fc.Arbitrary<unknown> {
  const maxLength = field.maxLength ?? (field.type === 'text' ? 5_000 : 30_000)
  if (field.type === 'email') return fc.oneof(fc.emailAddress(), hostileString(320).map((text) => `${text.replace(/[\s@]/g, '')}@example.com`))
  if (field.type === 'code') return fc.oneof(hostileHtml, hostileMarkdown, hostileRestructuredText, hostileString(maxLength)).map((text) => text.slice(0, maxLength))
  if (URLISH.test(field.name)) return fc.oneof({ weight: 3, arbitrary: hostileUrl }, { weight: 1, arbitrary: hostileString(maxLength) }).map((text) => text.slice(0, maxLength))
  return hostileString(maxLength)
}

function fieldArbitrary(field: Field, context: Context, path: string): fc.Arbitrary<unknown> | null {
  if (!('name' in field) || SKIPPED_FIELDS.has(field.name)) return null
  const shaped = SHAPED[`${context.collection}.${field.name}`] ?? SHAPED[path] ?? SHAPED[field.name]
  const required = 'required' in field && field.required === true
  if (shaped) return optional(shaped(context.unique), required)
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code': {
      const text = textArbitrary(field as { name: string; type: string; maxLength?: number })
      const many = field.type === 'text' && field.hasMany === true
      return optional(many ? fc.array(text, { maxLength: 5 }) : text, required)
    }
    case 'richText':
      return optional(hostileLexical, required)
    case 'number': {
      const number = hostileNumber(field.min, field.max, true)
      return optional(field.hasMany ? fc.array(number, { maxLength: 5 }) : number, required)
    }
    case 'date':
      return optional(hostileDate(), required)
    case 'checkbox':
      return optional(fc.boolean(), required)
    case 'select':
    case 'radio': {
      const values = field.options.map((option) => (typeof option === 'string' ? option : option.value))
      const value = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: hostileString(40) })
      return optional(field.type === 'select' && field.hasMany ? fc.uniqueArray(fc.constantFrom(...values), { maxLength: values.length }) : value, required)
    }
    case 'relationship':
    case 'upload':
      // Nothing to point at (no uploads in the seed): left out unless required, which is then refused.
      if (!required && [field.relationTo].flat().every((target) => (context.pool.get(target) ?? []).length === 0)) return null
      return optional(relationArbitrary(field.relationTo as string | string[], field.hasMany === true, context), required)
    case 'json':
      return optional(fc.jsonValue({ maxDepth: 6 }), required)
    case 'point':
      return optional(fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true })), required)
    case 'group':
      return optional(objectArbitrary(field.fields, context, path), required)
    case 'array':
      return optional(fc.array(objectArbitrary(field.fields, context, path), { maxLength: Math.min(field.maxRows ?? 6, 6) }), required)
    case 'blocks':
      return optional(
        fc.array(
          fc.constantFrom(...field.blocks).chain((block) => objectArbitrary(block.fields, context, `${path}.${block.slug}`).map((data) => ({ ...data, blockType: block.slug }))),
          { maxLength: 4 },
        ),
        required,
      )
    default:
      // join and ui fields hold no data.
      return null
  }
}

/** The named fields of a list, with row, collapsible and unnamed tabs flattened as Payload stores them. */
function namedFields(fields: readonly Field[]): Field[] {
  return fields.flatMap((field): Field[] => {
    if (field.type === 'row' || field.type === 'collapsible') return namedFields(field.fields)
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => ('name' in tab && tab.name ? [{ type: 'group', name: tab.name, fields: tab.fields } as Field] : namedFields(tab.fields)))
    return [field]
  })
}

function objectArbitrary(fields: readonly Field[], context: Context, path: string): fc.Arbitrary<Record<string, unknown>> {
  const entries: [string, fc.Arbitrary<unknown>][] = []
  for (const field of namedFields(fields)) {
    const key = `${path === '' ? '' : `${path}.`}${'name' in field ? field.name : ''}`
    const arbitrary = fieldArbitrary(field, context, key)
    if (arbitrary !== null && 'name' in field) entries.push([field.name, arbitrary])
  }
  return fc.record(Object.fromEntries(entries)).map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)))
}

/** Documents for `collection`, each with a fresh `unique` number for the fields that must not collide. */
export function documentArbitrary(collection: string, fields: readonly Field[], pool: RelationPool, nextUnique: () => number): fc.Arbitrary<Record<string, unknown>> {
  return fc.constant(null).chain(() => objectArbitrary(fields, { collection, pool, unique: nextUnique() }, ''))
}
