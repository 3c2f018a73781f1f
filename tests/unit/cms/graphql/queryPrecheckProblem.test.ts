import { describe, expect, it } from 'vitest'

import { MAX_EXPANDED_SELECTIONS, queryPrecheckProblem } from '../../../../cms/graphql/queryPrecheckProblem'

function fanOut(count: number): string {
  const fragments = Array.from({ length: count }, (_unused, index) =>
    index === count - 1 ? `fragment F${index} on Release { name }` : `fragment F${index} on Release { ...F${index + 1} ...F${index + 1} }`,
  )
  return `{ Releases { docs { ...F0 } } } ${fragments.join(' ')}`
}

describe('GraphQL queries unfit to hand to Payload', () => {
  it('lets ordinary queries, fragments included, through', () => {
    expect(queryPrecheckProblem('{ Releases(where: { isLatest: { equals: true } }) { docs { name files { docs { name os { slug } } } } } }')).toBeNull()
    expect(queryPrecheckProblem('query Q { Releases { docs { ...F } } } fragment F on Release { name slug ...G } fragment G on Release { version }')).toBeNull()
  })

  it('leaves syntax errors and bodies without a query to Payload', () => {
    expect(queryPrecheckProblem('{ Releases( ')).toBeNull()
    expect(queryPrecheckProblem(undefined)).toBeNull()
    expect(queryPrecheckProblem(42)).toBeNull()
  })

  it('refuses a fragment cycle, direct or through other fragments, by name', () => {
    expect(queryPrecheckProblem('{ Releases { docs { ...A } } } fragment A on Release { name ...A }')).toMatch(/Fragment "A" spreads itself/)
    expect(queryPrecheckProblem('{ Releases { docs { ...A } } } fragment A on Release { name ...B } fragment B on Release { files { docs { ...C } } } fragment C on ReleaseFile { release { ...A } }')).toMatch(/spreads itself/)
  })

  it('refuses a fragment fan-out at once, however many fragments it chains', () => {
    const started = performance.now()
    expect(queryPrecheckProblem(fanOut(14))).toMatch(new RegExp(`more than ${MAX_EXPANDED_SELECTIONS} fields`))
    expect(queryPrecheckProblem(fanOut(60))).toMatch(/more than/)
    expect(performance.now() - started).toBeLessThan(200)
    // 2^12 = 4096 fields is within the budget.
    expect(queryPrecheckProblem(fanOut(13))).toBeNull()
  })

  it('refuses subscriptions, which Payload does not have', () => {
    expect(queryPrecheckProblem('subscription { Releases { docs { name } } }')).toMatch(/no subscriptions/)
  })

  it('refuses a query of more tokens than the limit', () => {
    expect(queryPrecheckProblem(`{ ${'Releases { totalDocs } '.repeat(6000)} }`)).toMatch(/more than 20000 tokens/)
  })
})
