/**
 * Hostile list queries in Payload's query language: unknown fields and operators, values of
 * the wrong type, deep `and`/`or` nesting, huge `in` lists, and `limit`/`page`/`depth`/`sort`
 * at their extremes; in the URL and, for sizes a URL cannot hold, in a method-override POST.
 */
import fc from 'fast-check'

import type { CollectionSchema } from './collectionSchemas'
import type { FuzzRequest } from './FuzzTally'
import { hostileQueryValue } from './hostileValues'

type WhereNode = { [key: string]: WhereNode | WhereNode[] | string }

const OPERATORS = [
  'equals', 'not_equals', 'in', 'not_in', 'all', 'exists', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal',
  'like', 'not_like', 'contains', 'near', 'within', 'intersects', 'foo', '$ne', '__proto__', 'constructor', '',
]
const UNKNOWN_PATHS = ['nope', '__proto__', 'constructor', 'password', 'hash', 'salt', 'apiKey', '_status', 'id', 'a.b.c.d.e', '', 'id.id', 'createdBy.password']

function idList(count: number): string {
  return Array.from({ length: count }, (_unused, index) => String(index * 7919)).join(',')
}

function condition(paths: readonly string[], maxInList: number): fc.Arbitrary<WhereNode> {
  const value = fc.oneof(
    { weight: 4, arbitrary: hostileQueryValue },
    { weight: 1, arbitrary: fc.integer({ min: 10, max: maxInList }).map(idList) },
  )
  return fc.tuple(fc.constantFrom(...paths), fc.constantFrom(...OPERATORS), value).map(([path, operator, raw]) => ({ [path]: { [operator]: raw } }))
}

function whereTree(paths: readonly string[], maxDepth: number, maxInList: number): fc.Arbitrary<WhereNode> {
  const leaf = condition(paths, maxInList)
  return fc.integer({ min: 0, max: maxDepth }).chain((depth) =>
    fc.tuple(leaf, fc.constantFrom('and', 'or'), fc.integer({ min: 1, max: 2 })).map(([node, joiner, width]) => {
      let tree: WhereNode = node
      // Wide and deep would grow exponentially: nesting past four levels is one branch wide.
      for (let level = 0; level < depth; level += 1) tree = { [joiner]: Array.from({ length: depth > 4 ? 1 : width }, () => tree) as WhereNode[] }
      return tree
    }),
  )
}

/** Payload's bracket syntax: where[or][0][name][equals]=x. */
function toQueryString(prefix: string, value: WhereNode | WhereNode[] | string, into: string[]): string[] {
  if (typeof value === 'string') {
    into.push(`${prefix}=${encodeURIComponent(value)}`)
  } else if (Array.isArray(value)) {
    value.forEach((child, index) => toQueryString(`${prefix}[${index}]`, child, into))
  } else {
    for (const [key, child] of Object.entries(value)) toQueryString(`${prefix}[${encodeURIComponent(key)}]`, child, into)
  }
  return into
}

const extremes = fc.record(
  {
    limit: fc.constantFrom('-1', '0', '1000000', '99999999999999999999', 'abc', '1.5', ''),
    page: fc.constantFrom('-1', '0', '99999999999999', 'abc', '1e9', ''),
    depth: fc.constantFrom('-1', '100', '1000', 'abc', '99999999999'),
    sort: fc.constantFrom('nope', '-nope', '%00', 'password', 'createdBy.password', 'id,-id,name', '-'.repeat(50), 'a.b.c.d.e.f.g'),
    draft: fc.constantFrom('true', 'maybe', '1'),
    locale: fc.constantFrom('xx', '%00', '*', 'all'),
    pagination: fc.constantFrom('false', 'no'),
    'select[password]': fc.constantFrom('true', 'false'),
    'populate[releases][name]': fc.constantFrom('true', 'x'),
    'joins[files][limit]': fc.constantFrom('-1', '1000000', 'abc'),
  },
  { requiredKeys: [] },
)

export function whereQueryInputs(cmsUrl: string, token: string, collections: readonly CollectionSchema[]): fc.Arbitrary<FuzzRequest> {
  return fc.tuple(fc.constantFrom(...collections), fc.boolean(), fc.boolean()).chain(([collection, asAdmin, override]) => {
    const fieldPaths = collection.fields.flatMap((field) => (field.kind === 'relation' ? [field.name, `${field.name}.slug`, `${field.name}.name`, `${field.name}.id`] : [field.name]))
    const paths = [...fieldPaths, ...UNKNOWN_PATHS]
    const headers: Record<string, string> = asAdmin ? { authorization: `JWT ${token}` } : {}
    // In a URL, Node's 16 KB header limit caps the size; an override POST carries far more.
    const tree = override ? whereTree(paths, 45, 8_000) : whereTree(paths, 6, 1_500)
    return fc.tuple(tree, extremes).map(([where, extra]): FuzzRequest => {
      const query = [...toQueryString('where', where, []), ...Object.entries(extra).map(([key, value]) => `${key}=${encodeURIComponent(value)}`)].join('&')
      const url = `${cmsUrl}/api/${collection.slug}`
      if (!override) return { method: 'GET', url: `${url}?${query}`, headers }
      return {
        method: 'POST',
        url,
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', 'x-payload-http-method-override': 'GET' },
        body: query,
      }
    })
  })
}
