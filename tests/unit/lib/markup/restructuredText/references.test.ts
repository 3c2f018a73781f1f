import { describe, expect, it } from 'vitest';
import { html, rst } from './rstTestHelpers';

describe('reStructuredText footnotes and citations', () => {
  it('numbers manual, automatic and labelled footnotes and links their references', () => {
    expect(rst('A [1]_, B [#]_, C [#note]_.', '', '.. [1] One.', '.. [#] Two.', '.. [#note] Three.')).toBe(html(
      '<p>A <a class="footnote-reference" href="#footnote-1">[1]</a>, '
      + 'B <a class="footnote-reference" href="#footnote-2">[2]</a>, '
      + 'C <a class="footnote-reference" href="#footnote-3">[3]</a>.</p>',
      '<dl class="footnote">',
      '<dt class="label" id="footnote-1">[1]</dt>', '<dd>One.</dd>',
      '<dt class="label" id="footnote-2">[2]</dt>', '<dd>Two.</dd>',
      '<dt class="label" id="footnote-3">[3]</dt>', '<dd>Three.</dd>',
      '</dl>',
    ));
  });

  it('gives symbol footnotes docutils\' symbols in order', () => {
    expect(rst('x [*]_ y [*]_', '', '.. [*] a', '.. [*] b')).toBe(html(
      '<p>x <a class="footnote-reference" href="#footnote-symbol-1">[*]</a> y <a class="footnote-reference" href="#footnote-symbol-2">[†]</a></p>',
      '<dl class="footnote">',
      '<dt class="label" id="footnote-symbol-1">[*]</dt>', '<dd>a</dd>',
      '<dt class="label" id="footnote-symbol-2">[†]</dt>', '<dd>b</dd>',
      '</dl>',
    ));
  });

  it('renders citations and their references', () => {
    expect(rst('See [CIT2002]_.', '', '.. [CIT2002] A book.')).toBe(html(
      '<p>See <a class="citation-reference" href="#citation-cit2002">[CIT2002]</a>.</p>',
      '<dl class="citation">', '<dt class="label" id="citation-cit2002">[CIT2002]</dt>', '<dd>A book.</dd>', '</dl>',
    ));
  });

  it('leaves references to missing footnotes as text', () => {
    expect(rst('x [9]_')).toBe('<p>x [9]_</p>');
  });
});

describe('reStructuredText substitutions', () => {
  it('replaces |name| with replace:: text and image:: images, optionally linked', () => {
    expect(rst('|Py| is |logo|_ and |missing|', '', '.. |Py| replace:: *Python*', '.. |logo| image:: /static/logo.png', '.. _logo: https://www.python.org/')).toBe(
      '<p><em>Python</em> is <a class="reference external" href="https://www.python.org/"><img src="/static/logo.png" alt="/static/logo.png" /></a> and |missing|</p>',
    );
  });
});
