import { describe, expect, it } from 'vitest'

import { richTextProblem } from '../../../../cms/requestGuards/richTextProblem'

const doc = (children: unknown) => ({ root: { type: 'root', children } })

describe('the shape of Lexical rich text, checked before Payload walks it', () => {
  it('accepts empty, null and well-formed documents, blocks included', () => {
    expect(richTextProblem('content', null)).toBeNull()
    expect(richTextProblem('content', doc([]))).toBeNull()
    expect(richTextProblem('content', doc([{ type: 'paragraph', children: [{ type: 'text', text: 'x' }] }, { type: 'block', fields: { blockType: 'rawMarkup', source: 'x' } }]))).toBeNull()
  })

  it('refuses what crashed Payload or would crash the page: no root, children that are not a list, nodes that are not objects', () => {
    expect(richTextProblem('content', 'x')).toMatch('"content" must be Lexical rich text')
    expect(richTextProblem('content', { root: null })).toMatch('must be Lexical rich text')
    expect(richTextProblem('content', doc('x'))).toMatch('"children" is not a list')
    expect(richTextProblem('content', doc([42]))).toMatch('not an object')
    expect(richTextProblem('content', doc([{ type: 'paragraph', children: [{ type: 'text', text: { a: 1 } }] }]))).toMatch('"text" is not text')
    expect(richTextProblem('content', doc([{ type: 'block', fields: 'x' }]))).toMatch('"fields" is not an object')
  })
})
