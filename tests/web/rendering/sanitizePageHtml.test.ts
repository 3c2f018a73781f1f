import { describe, expect, it } from 'vitest';
import { sanitizePageHtml } from '../../../web/src/rendering/sanitizePageHtml';

describe('sanitizePageHtml', () => {
  it('keeps what staff pages are made of: tables, figures, details, anchors and images', () => {
    const html = '<details open><summary>More</summary><dl><dt>a</dt><dd>b</dd></dl></details><figure><img src="/i.png" srcset="/i2.png 2x" alt="i" loading="lazy"><figcaption>c</figcaption></figure><a name="top" href="#top">top</a><ol start="3" type="a"><li>x</li></ol>';
    expect(sanitizePageHtml(html)).toBe('<details open><summary>More</summary><dl><dt>a</dt><dd>b</dd></dl></details><figure><img src="/i.png" srcset="/i2.png 2x" alt="i" loading="lazy" /><figcaption>c</figcaption></figure><a name="top" href="#top">top</a><ol start="3" type="a"><li>x</li></ol>');
  });

  it('drops scripts, styles, frames, objects and forms with their content where it could run', () => {
    const html = '<p>a</p><script>alert(1)</script><style>p{}</style><iframe src="https://evil.example/"></iframe><object data="x.swf"></object><embed src="x"><form action="https://evil.example/"><input name="q"><button>go</button></form><svg onload="x()"><circle/></svg><math><mi>x</mi></math>';
    expect(sanitizePageHtml(html)).toBe('<p>a</p>gox');
  });

  it('drops every on* attribute and style attribute', () => {
    expect(sanitizePageHtml('<p onclick="x()" onmouseover="y()" style="background:url(javascript:x)" class="c">t</p><img src="/a.png" onerror="x()">')).toBe('<p class="c">t</p><img src="/a.png" />');
  });

  it('refuses javascript:, data: and vbscript: links, however they are spelled', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', '&#106;avascript:alert(1)', 'data:text/html,<script>x()</script>', 'vbscript:x', '//evil.example/']) {
      expect(sanitizePageHtml(`<a href="${href}">x</a>`), href).toBe('<a>x</a>');
    }
    expect(sanitizePageHtml('<img src="javascript:alert(1)"><img srcset="javascript:alert(1) 2x">')).toBe('<img /><img />');
  });

  it('keeps http(s), mailto and relative links, and isolates the tab a target="_blank" link opens', () => {
    expect(sanitizePageHtml('<a href="https://docs.python.org/">d</a><a href="mailto:psf@python.org">m</a><a href="/about/">a</a>')).toBe('<a href="https://docs.python.org/">d</a><a href="mailto:psf@python.org">m</a><a href="/about/">a</a>');
    expect(sanitizePageHtml('<a href="https://x.example/" target="_blank">x</a>')).toBe('<a href="https://x.example/" target="_blank" rel="noopener noreferrer">x</a>');
  });
});
