import { describe, expect, it } from 'vitest'

import { htmlToPlainText, richTextToPlainText } from '../../../../cms/search/plainText'

describe('plain text for the search index', () => {
  it('keeps the words of HTML, drops tags, scripts and styles, and decodes entities', () => {
    expect(htmlToPlainText('<p>Python&nbsp;3 &amp; <b>friends</b></p><p>next</p><script>alert(1)</script><style>p{}</style>a &lt; b')).toBe('Python 3 & friends next a < b')
  })

  it('reads Lexical paragraphs and raw markup blocks, and nothing from a value that is not rich text', () => {
    const value = {
      root: {
        type: 'root',
        children: [
          { type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 'Hello from Python.' }] },
          { type: 'block', version: 2, fields: { blockType: 'rawMarkup', markupType: 'html', source: '<h2>Downloads</h2><p>Get it <a href="/downloads/">here</a>.</p>' } },
        ],
      },
    }
    expect(richTextToPlainText(value)).toBe('Hello from Python. Downloads Get it here .')
    expect(richTextToPlainText(null)).toBe('')
    expect(richTextToPlainText({ root: 'no' })).toBe('')
  })
})
