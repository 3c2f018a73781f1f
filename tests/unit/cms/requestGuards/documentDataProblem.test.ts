import { describe, expect, it } from 'vitest'

import { documentDataProblem, MAX_DOCUMENT_DEPTH } from '../../../../cms/requestGuards/documentDataProblem'
import { nestingDepthExceeds } from '../../../../cms/requestGuards/nestingDepth'

describe('document data, checked before Payload walks it', () => {
  it('accepts an object of fields, rich text included', () => {
    expect(documentDataProblem({ title: 'About', content: { root: { children: [{ children: [{ text: 'x' }] }] } } })).toBeNull()
  })

  it('refuses anything but an object: no body, a string, a number, an array, null (each crashed a field hook)', () => {
    for (const data of [undefined, null, 'text', 42, true, [], [{ title: 'x' }]]) expect(documentDataProblem(data)).toMatch(/JSON object of its fields/)
  })

  it('refuses nesting past the limit, measured without recursion even for 100,000 levels', () => {
    let deep: unknown = 1
    for (let level = 0; level < 100_000; level += 1) deep = { a: deep }
    expect(documentDataProblem(deep)).toBe(`The document nests deeper than ${MAX_DOCUMENT_DEPTH} levels.`)
    expect(nestingDepthExceeds([[[1]]], 2)).toBe(true)
    expect(nestingDepthExceeds([[[1]]], 3)).toBe(false)
  })
})
