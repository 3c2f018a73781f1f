import { describe, expect, it } from 'vitest'

import { MAX_WHERE_LIST, whereQueryProblem } from '../../../../cms/requestGuards/whereQueryProblem'

const types = new Map([
  ['name', 'text'],
  ['releaseDate', 'date'],
  ['version', 'number'],
  ['isLatest', 'checkbox'],
  ['id', 'number'],
])

describe('hostile where queries, refused before Payload builds SQL from them', () => {
  it('lets ordinary queries through, relation paths and comma lists included', () => {
    expect(whereQueryProblem(undefined, types)).toBeNull()
    expect(whereQueryProblem({ and: [{ name: { like: 'Python 3' } }, { or: [{ version: { equals: 3 } }, { isLatest: { equals: true } }] }] }, types)).toBeNull()
    expect(whereQueryProblem({ 'release.slug': { contains: 'python' }, id: { in: '1,2,3' } }, types)).toBeNull()
  })

  it('refuses the operators the Postgres adapter lacks (they crashed it with a TypeError)', () => {
    for (const operator of ['all', 'near', 'within', 'intersects']) {
      expect(whereQueryProblem({ or: [{ name: { [operator]: 'x' } }] }, types)).toMatch(`"${operator}" is not supported`)
    }
  })

  it('refuses text matching on dates, numbers and checkboxes (Payload built SQL Postgres could not parse)', () => {
    expect(whereQueryProblem({ releaseDate: { not_like: '2.4e+166' } }, types)).toMatch('"releaseDate" is a date field')
    expect(whereQueryProblem({ version: { contains: 'x' } }, types)).toMatch('"version" is a number field')
    expect(whereQueryProblem({ isLatest: { like: 'x' } }, types)).toMatch('checkbox')
  })

  it('refuses lists and nesting past the limits, without recursing', () => {
    expect(whereQueryProblem({ id: { in: Array.from({ length: MAX_WHERE_LIST + 1 }, (_unused, index) => index) } }, types)).toMatch(`limit is ${MAX_WHERE_LIST}`)
    expect(whereQueryProblem({ id: { not_in: Array.from({ length: MAX_WHERE_LIST + 1 }, (_unused, index) => index).join(',') } }, types)).toMatch('limit')
    let deep: unknown = { name: { equals: 'x' } }
    for (let level = 0; level < 10_000; level += 1) deep = { or: [deep] }
    expect(whereQueryProblem(deep, types)).toMatch(/nests deeper than/)
  })

  it('refuses a path with a bare value instead of operators (Payload listed each character of it in its error)', () => {
    const cut = '[or][0][or][0][title][not_like]'
    expect(whereQueryProblem({ or: [{ [cut]: '0,7919,15838'.repeat(3000) }] }, types)).toBe(`The condition on "${cut}" needs an operator, as in where[${cut}][equals]=...`)
    expect(whereQueryProblem({ name: 'Python' }, types)).toMatch('"name" needs an operator')
    expect(whereQueryProblem({ name: ['a'] }, types)).toMatch('needs an operator')
    expect(whereQueryProblem({ name: null }, types)).toMatch('needs an operator')
  })
})
