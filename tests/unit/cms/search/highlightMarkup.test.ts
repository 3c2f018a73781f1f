import { describe, expect, it } from 'vitest'

import { HIGHLIGHT_END, HIGHLIGHT_START, highlightedHtml, withoutHighlightMarkers } from '../../../../cms/search/highlightMarkup'

const mark = (text: string) => `${HIGHLIGHT_START}${text}${HIGHLIGHT_END}`

describe('highlightedHtml', () => {
  it('escapes the text and turns the markers into <mark>', () => {
    expect(highlightedHtml(`if x<y & ${mark('Python')} says "hi" <script>`)).toBe('if x&lt;y &amp; <mark>Python</mark> says &quot;hi&quot; &lt;script&gt;')
  })

  it('never leaves a <mark> open or closes one that is not open', () => {
    expect(highlightedHtml(`${HIGHLIGHT_END}a ${HIGHLIGHT_START}b`)).toBe('a <mark>b</mark>')
    expect(highlightedHtml(`${HIGHLIGHT_START}${HIGHLIGHT_START}a${HIGHLIGHT_END}${HIGHLIGHT_END}`)).toBe('<mark>a</mark>')
  })

  it('strips markers from text before it is indexed', () => {
    expect(withoutHighlightMarkers(`a${HIGHLIGHT_START}b${HIGHLIGHT_END}c`)).toBe('abc')
  })
})
