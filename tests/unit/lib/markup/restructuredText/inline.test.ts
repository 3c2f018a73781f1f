import { describe, expect, it } from 'vitest';
import { rst } from './rstTestHelpers';

describe('reStructuredText inline markup', () => {
  it('renders emphasis, strong and inline literals', () => {
    expect(rst('*em* **strong** ``x < y``')).toBe('<p><em>em</em> <strong>strong</strong> <code>x &lt; y</code></p>');
  });

  it('does not nest inline markup, as docutils does not', () => {
    expect(rst('**bold *not em* bold**')).toBe('<p><strong>bold *not em* bold</strong></p>');
    expect(rst('``*not em*``')).toBe('<p><code>*not em*</code></p>');
  });

  it('follows docutils\' recognition rules for start- and end-strings', () => {
    expect(rst('2*3*4')).toBe('<p>2*3*4</p>');
    expect(rst('a * b * c')).toBe('<p>a * b * c</p>');
    expect(rst('"*" and (*) and [*]')).toBe('<p>"*" and (*) and [*]</p>');
    expect(rst('*unclosed and **also')).toBe('<p>*unclosed and **also</p>');
    expect(rst('(*paren*) -*dash*- /*slash*/')).toBe('<p>(<em>paren</em>) -<em>dash</em>- /<em>slash</em>/</p>');
    expect(rst('*word*s')).toBe('<p>*word*s</p>');
    expect(rst('x * not markup *')).toBe('<p>x * not markup *</p>');
    // The first end-string that qualifies wins, even inside what looks like nested markup.
    expect(rst('*a **b** c*')).toBe('<p><em>a **b*</em> c*</p>');
  });

  it('keeps backslashes in literals and removes them elsewhere', () => {
    expect(rst('\\*not\\* ``\\n`` a\\\\b')).toBe('<p>*not* <code>\\n</code> a\\b</p>');
    expect(rst('*em*\\ s')).toBe('<p><em>em</em>s</p>');
  });

  it('renders default-role interpreted text as a title reference', () => {
    expect(rst('`The Zen of Python`')).toBe('<p><cite>The Zen of Python</cite></p>');
  });
});

describe('reStructuredText roles', () => {
  it('links :pep: and :rfc: to their documents', () => {
    expect(rst(':pep:`8` and :rfc:`2616`')).toBe(
      '<p><a class="reference external" href="https://peps.python.org/pep-0008/">PEP 8</a> and '
      + '<a class="reference external" href="https://datatracker.ietf.org/doc/html/rfc2616">RFC 2616</a></p>',
    );
    expect(rst(':PEP:`484#abstract`')).toBe('<p><a class="reference external" href="https://peps.python.org/pep-0484/#abstract">PEP 484</a></p>');
  });

  it('shows an invalid PEP number as the source text', () => {
    expect(rst(':pep:`eight`')).toBe('<p>:pep:`eight`</p>');
  });

  it('renders the standard formatting roles, prefix or suffix', () => {
    expect(rst(':code:`x=1` :emphasis:`e` :strong:`s` `t`:sup: :sub:`2` :title-reference:`T` :abbreviation:`PSF`')).toBe(
      '<p><code>x=1</code> <em>e</em> <strong>s</strong> <sup>t</sup> <sub>2</sub> <cite>T</cite> <abbr>PSF</abbr></p>',
    );
  });

  it('renders unknown roles as literal text', () => {
    expect(rst(':func:`len` and :raw-html:`<b>x</b>`')).toBe('<p><code>len</code> and <code>&lt;b&gt;x&lt;/b&gt;</code></p>');
  });
});

describe('reStructuredText hyperlinks', () => {
  it('renders embedded URIs, named and anonymous', () => {
    expect(rst('`Python <https://www.python.org/>`_ and `docs <https://docs.python.org/>`__')).toBe(
      '<p><a class="reference external" href="https://www.python.org/">Python</a> and '
      + '<a class="reference external" href="https://docs.python.org/">docs</a></p>',
    );
  });

  it('uses the URI as the text of a reference with none, and joins wrapped URIs', () => {
    expect(rst('`<https://python.org/>`_ `wrapped <https://exa', 'mple.org/>`_')).toBe(
      '<p><a class="reference external" href="https://python.org/">https://python.org/</a> '
      + '<a class="reference external" href="https://example.org/">wrapped</a></p>',
    );
  });

  it('resolves word_ and `phrase`_ against targets, case- and whitespace-insensitively', () => {
    expect(rst('Python_ and `The  Docs`_.', '', '.. _python: https://www.python.org/', '.. _the docs: https://docs.python.org/')).toBe(
      '<p><a class="reference external" href="https://www.python.org/">Python</a> and '
      + '<a class="reference external" href="https://docs.python.org/">The  Docs</a>.</p>',
    );
  });

  it('matches anonymous references to anonymous targets in order', () => {
    expect(rst('first__ and `second`__', '', '__ https://one.example/', '', '.. __: https://two.example/')).toBe(
      '<p><a class="reference external" href="https://one.example/">first</a> and '
      + '<a class="reference external" href="https://two.example/">second</a></p>',
    );
  });

  it('follows indirect targets and reuses names defined by embedded URIs', () => {
    expect(rst('alias_ then `Site <https://s.example/>`_ and Site_', '', '.. _alias: target_', '.. _target: https://t.example/')).toBe(
      '<p><a class="reference external" href="https://t.example/">alias</a> then '
      + '<a class="reference external" href="https://s.example/">Site</a> and '
      + '<a class="reference external" href="https://s.example/">Site</a></p>',
    );
  });

  it('links to section titles and internal targets', () => {
    expect(rst('.. _start:', '', 'Intro', '=====', '', 'See Intro_ and start_.')).toBe(
      '<span id="start"></span>\n<h2 id="intro">Intro</h2>\n'
      + '<p>See <a class="reference internal" href="#intro">Intro</a> and <a class="reference internal" href="#start">start</a>.</p>',
    );
  });

  it('renders an inline target with an id', () => {
    expect(rst('A _`term` here, term_.')).toBe('<p>A <span class="target" id="term">term</span> here, <a class="reference internal" href="#term">term</a>.</p>');
  });

  it('leaves unresolved references as text', () => {
    expect(rst('missing_ and `gone`_ and orphan__')).toBe('<p>missing and gone and orphan</p>');
  });

  it('links standalone http, https and mailto URLs and e-mail addresses, without trailing punctuation', () => {
    expect(rst('See https://python.org/downloads/. Or (http://x.org/a_b), mailto:psf@python.org, or psf@python.org.')).toBe(
      '<p>See <a class="reference external" href="https://python.org/downloads/">https://python.org/downloads/</a>. '
      + 'Or (<a class="reference external" href="http://x.org/a_b">http://x.org/a_b</a>), '
      + '<a class="reference external" href="mailto:psf@python.org">mailto:psf@python.org</a>, or '
      + '<a class="reference external" href="mailto:psf@python.org">psf@python.org</a>.</p>',
    );
  });

  it('does not link other schemes or escaped URLs', () => {
    expect(rst('ftp://x.org javascript:alert(1) \\https://x.org')).toBe('<p>ftp://x.org javascript:alert(1) https://x.org</p>');
  });
});
