import { describe, expect, it } from 'vitest';
import { richTextToHtml } from '../../../../lib/markup/richTextToHtml';
import { sanitizeBoxHtml } from '../../../../lib/markup/sanitizeBoxHtml';

const doc = (children: unknown[]) => ({ root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children } });
const raw = (markupType: string, source: string) => ({ type: 'block', version: 2, format: '', fields: { blockType: 'rawMarkup', markupType, source } });

describe('richTextToHtml', () => {
  it('renders Lexical paragraphs with escaped text', () => {
    const html = richTextToHtml(doc([{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 'a < b', format: 1 }] }]), { trusted: false });
    expect(html).toBe('<p><strong>a &lt; b</strong></p>');
  });

  it('keeps the layout markup of trusted pages, but no form, script or handler', () => {
    const html = richTextToHtml(doc([raw('html', '<table><caption>T</caption><tr><td colspan="2">x</td></tr></table><form action="/x"><input name="q"></form><img src="/a.png" onerror="x()"><script>x()</script>')]), { trusted: true });
    expect(html).toBe('<table><caption>T</caption><tr><td colspan="2">x</td></tr></table><img src="/a.png" />');
  });

  it('renders Markdown and passes untrusted content through the allowlist', () => {
    const html = richTextToHtml(doc([raw('markdown', '**bold** <script>alert(1)</script> [x](javascript:alert(1))')]), { trusted: false });
    expect(html).toContain('<strong>bold</strong>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('javascript:');
  });

  it('renders reStructuredText, escaped, through the allowlist unchanged', () => {
    expect(richTextToHtml(doc([raw('restructuredtext', 'Title\n=====\n\n<b> `x <javascript:alert(1)>`_\n\n#. one\n#. two')]), { trusted: false }))
      .toBe('<h2 id="title">Title</h2>\n<p>&lt;b&gt; x</p>\n<ol>\n<li>one</li>\n<li>two</li>\n</ol>');
  });

  it('never emits the content of a reStructuredText raw directive, even on trusted pages', () => {
    expect(richTextToHtml(doc([raw('restructuredtext', '.. raw:: html\n\n   <script>alert(1)</script>')]), { trusted: true }))
      .toBe('<p class="rst-disabled">"raw" directive disabled.</p>');
  });

  it('renders nothing for a missing field', () => {
    expect(richTextToHtml(null, { trusted: true })).toBe('');
  });
});

describe('sanitizeBoxHtml', () => {
  it('keeps classes and links, drops styles, handlers and iframes', () => {
    const html = sanitizeBoxHtml('<div class="x" style="color:red" onclick="x()"><a href="/a/" title="t">A</a><iframe src="https://e.x"></iframe></div>');
    expect(html).toBe('<div class="x"><a href="/a/" title="t">A</a></div>');
  });

  it('keeps the cite element and ol numbering that rendered reStructuredText uses', () => {
    expect(sanitizeBoxHtml('<ol type="a" start="3" onclick="x()"><li><cite>T</cite></li></ol>')).toBe('<ol type="a" start="3"><li><cite>T</cite></li></ol>');
  });
});
