import { describe, expect, it } from 'vitest'

import { renderBlogSupernavBox, renderStorySupernavBox } from '../../../collections/Boxes/supernav/renderSupernavBoxes'

describe('the generated supernav boxes', () => {
  it('renders a story as python.org\'s successstories/supernav.html, escaped', () => {
    expect(renderStorySupernavBox({ pullQuote: 'Fast & <b>safe</b>', author: 'Ada "A" L.', companyName: 'Example', companyUrl: 'https://example.org/?a=1&b=2' })).toBe(
      [
        '<li class="tier-2 super-navigation">',
        '    <blockquote class="success-quote">Fast &amp; &lt;b&gt;safe&lt;/b&gt;</blockquote>',
        '    <p class="quote-by"><cite>Ada &quot;A&quot; L.</cite>, <a href="https://example.org/?a=1&amp;b=2">Example</a></p>',
        '</li>',
      ].join('\n'),
    )
    expect(renderStorySupernavBox({ pullQuote: 'q', author: 'a', companyName: 'No site', companyUrl: null })).toContain('<cite>a</cite>, No site</p>')
  })

  it('renders the newest post as python.org\'s blogs/supernav.html: its day, title and first 50 words', () => {
    const summary = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ')
    const html = renderBlogSupernavBox({ title: 'Python 3.14.7 <released>', url: 'https://blog.python.org/2026/08/python-3147.html', summary, publishedAt: '2026-08-05T12:00:00Z' })
    expect(html).toContain('<p class="date-posted"><small>Wednesday, August 5, 2026</small></p>')
    expect(html).toContain('<h4>Python 3.14.7 &lt;released&gt;</h4>')
    expect(html).toContain('w49 ... <a class="readmore" href="https://blog.python.org/2026/08/python-3147.html">Read more</a>')
    expect(html).not.toContain('w50')
  })
})
