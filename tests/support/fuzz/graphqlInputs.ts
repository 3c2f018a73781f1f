/**
 * GraphQL past its limits and beside its grammar: queries nested past the depth limit, alias
 * floods, costly relation fan-outs, fragment cycles and fragment fan-outs, token soup,
 * variables of the wrong type, mutations with invalid data, and bodies that are not GraphQL.
 */
import fc from 'fast-check'

import type { FuzzRequest } from './FuzzTally'
import { hostileText, malformedJsonBody } from './hostileValues'

function nested(depth: number): string {
  let selection = 'name'
  for (let level = 0; level < depth; level += 1) selection = level % 2 === 0 ? `release { files { docs { ${selection} } } }` : `docs { ${selection} }`
  return `{ ReleaseFiles { docs { ${selection} } } }`
}

function aliases(count: number): string {
  return `{ ${Array.from({ length: count }, (_unused, index) => `a${index}: Releases(limit: 100) { docs { name files { docs { os { name } } } } }`).join(' ')} }`
}

/** Each fragment spreads the next one twice: 2^n expansions if anything walks them naively. */
function fragmentFanOut(count: number): string {
  const fragments = Array.from({ length: count }, (_unused, index) =>
    index === count - 1 ? `fragment F${index} on Release { name }` : `fragment F${index} on Release { ...F${index + 1} ...F${index + 1} }`,
  )
  return `{ Releases { docs { ...F0 } } } ${fragments.join(' ')}`
}

const fragmentCycle = 'fragment A on Release { name ...B } fragment B on Release { slug ...A } { Releases { docs { ...A } } }'

const TOKENS = ['{', '}', '(', ')', ':', '...', '@include(if: true)', 'query', 'mutation', 'subscription', 'fragment', 'on', 'Releases', 'Release', 'docs', 'name', 'where', 'equals', '$v', '"\\u0000"', '"', '#', '1e999', '-0', '[', ']', '!', '=', '|', 'true', 'null', '__schema', '__typename', 'createPage', 'data']

const queries: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 11, max: 60 }).map(nested),
  fc.integer({ min: 21, max: 200 }).map(aliases),
  fc.integer({ min: 5, max: 40 }).map(fragmentFanOut),
  fc.constant(fragmentCycle),
  fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 60 }).map((tokens) => tokens.join(' ')),
  fc.string({ unit: 'binary', maxLength: 300 }),
  hostileText.map((text) => `{ Releases(where: { name: { equals: ${JSON.stringify(text)} } }) { docs { name } } }`),
  fc.constantFrom(
    '{ Releases(limit: -1, page: -5) { docs { name } } }',
    '{ Releases(limit: 2147483647) { totalDocs } }',
    '{ Releases(sort: "nope") { docs { name } } }',
    '{ Releases(where: { id: { contains: "abc" } }) { docs { name } } }',
    '{ Releases(where: { releaseDate: { greater_than: "99999-01-01" } }) { docs { name } } }',
    '{ Releases(where: { OR: [{ AND: [{ OR: [{ name: { like: "\\u0000" } }] }] }] }) { docs { name } } }',
    '{ Release(id: 2147483647) { name } }',
    '{ Users { docs { email apiKey hash salt } } }',
    '{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }',
    'mutation { createPage(data: { title: null, path: "/x/" }) { id } }',
    'mutation { updateRelease(id: 1, data: { version: "three" }) { id } }',
    'mutation { deleteRelease(id: "abc") { id } }',
    'subscription { Releases { docs { name } } }',
  ),
)

const variables: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('not-an-object', 42, [], { v: { nested: [1, { deeper: 'x' }] } }, { v: 'x'.repeat(100_000) }),
)

export function graphqlInputs(cmsUrl: string, token: string): fc.Arbitrary<FuzzRequest> {
  const url = `${cmsUrl}/api/graphql`
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(queries, variables, fc.boolean(), fc.boolean()).map(([query, vars, asAdmin, strict]): FuzzRequest => ({
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/json',
        ...(asAdmin ? { authorization: `JWT ${token}` } : {}),
        ...(strict ? { accept: 'application/graphql-response+json' } : {}),
      },
      body: JSON.stringify({ query, variables: vars, operationName: strict ? 'Missing' : undefined }),
    })) },
    { weight: 2, arbitrary: malformedJsonBody.map((body): FuzzRequest => ({ method: 'POST', url, headers: { 'content-type': 'application/json', authorization: `JWT ${token}` }, body })) },
    { weight: 1, arbitrary: fc.constantFrom<FuzzRequest>(
      { method: 'POST', url, headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: '{ Releases { totalDocs } }' }, { query: '{' }]) },
      { method: 'POST', url, headers: { 'content-type': 'application/graphql' }, body: '{ Releases { totalDocs } }' },
      { method: 'POST', url, headers: { 'content-type': 'text/plain' }, body: 'query' },
      { method: 'GET', url: `${url}?query=${encodeURIComponent('{ Releases { totalDocs } }')}` },
      { method: 'PUT', url, headers: { 'content-type': 'application/json' }, body: '{}' },
      { method: 'POST', url, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'x'.repeat(2_000_000) }) },
    ) },
  )
}
