import { describe, expect, it } from 'vitest';
import { html, rst } from './rstTestHelpers';

describe('reStructuredText admonitions', () => {
  it.each([
    ['note', 'Note'], ['warning', 'Warning'], ['tip', 'Tip'], ['important', 'Important'], ['seealso', 'See also'],
    ['attention', 'Attention!'], ['caution', 'Caution!'], ['danger', '!DANGER!'], ['error', 'Error'], ['hint', 'Hint'],
  ])('renders .. %s:: as a titled div.admonition', (name, title) => {
    expect(rst(`.. ${name}:: First *line*`, '   continues.', '', '   Second paragraph.')).toBe(html(
      `<div class="admonition ${name}">`,
      `<p class="admonition-title">${title}</p>`,
      '<p>First <em>line</em>',
      'continues.</p>',
      '<p>Second paragraph.</p>',
      '</div>',
    ));
  });

  it('renders .. admonition:: with its own title', () => {
    expect(rst('.. admonition:: Read *this*', '', '   Body.')).toBe(html(
      '<div class="admonition admonition-read-this">', '<p class="admonition-title">Read <em>this</em></p>', '<p>Body.</p>', '</div>',
    ));
  });

  it('accepts options and content after a blank line', () => {
    expect(rst('.. note::', '   :class: custom', '', '   Body.')).toBe(html(
      '<div class="admonition note">', '<p class="admonition-title">Note</p>', '<p>Body.</p>', '</div>',
    ));
  });
});

describe('reStructuredText code directives', () => {
  it.each(['code-block', 'code', 'sourcecode'])('renders .. %s:: python as <pre><code class="language-python">', (name) => {
    expect(rst(`.. ${name}:: python`, '   :linenos:', '', '   if x < 1:', '       print("<b>")')).toBe(
      '<pre><code class="language-python">if x &lt; 1:\n    print("&lt;b&gt;")</code></pre>',
    );
  });

  it('renders a code block without a language, or with an unusable one, without a class', () => {
    expect(rst('.. code::', '', '   x')).toBe('<pre><code>x</code></pre>');
    expect(rst('.. code:: "><script>', '', '   x')).toBe('<pre><code>x</code></pre>');
  });

  it('renders parsed-literal with inline markup', () => {
    expect(rst('.. parsed-literal::', '', '   pip install *package*')).toBe('<pre class="parsed-literal">pip install <em>package</em></pre>');
  });
});

describe('reStructuredText images and figures', () => {
  it('renders .. image:: with alt, width and height, URI as the default alt', () => {
    expect(rst('.. image:: /static/img/python-logo.png', '   :alt: Python logo', '   :width: 200px', '   :height: 50%', '', '.. image:: https://x.example/a.png')).toBe(html(
      '<img src="/static/img/python-logo.png" alt="Python logo" width="200" height="50%" />',
      '<img src="https://x.example/a.png" alt="https://x.example/a.png" />',
    ));
  });

  it('links an image to its :target:', () => {
    expect(rst('.. image:: /a.png', '   :target: https://www.python.org/')).toBe(
      '<a class="reference external image-reference" href="https://www.python.org/"><img src="/a.png" alt="/a.png" /></a>',
    );
  });

  it('drops sizes that are not numbers and images that are not http(s) or site-relative', () => {
    expect(rst('.. image:: /a.png', '   :width: 10em" onload="x')).toBe('<img src="/a.png" alt="/a.png" />');
    expect(rst('.. image:: relative/a.png', '', '.. image:: //cdn.example/a.png', '', '.. image:: data:image/png;base64,xx')).toBe('');
  });

  it('renders a figure with caption and legend', () => {
    expect(rst('.. figure:: /a.png', '   :alt: A', '', '   The *caption*.', '', '   The legend.')).toBe(html(
      '<figure>', '<img src="/a.png" alt="A" />', '<figcaption>', '<p>The <em>caption</em>.</p>', '<div class="legend">', '<p>The legend.</p>', '</div>', '</figcaption>', '</figure>',
    ));
    expect(rst('.. figure:: /a.png')).toBe(html('<figure>', '<img src="/a.png" alt="/a.png" />', '</figure>'));
  });
});

describe('reStructuredText comments and disabled directives', () => {
  it('renders comments as nothing, including their indented continuation', () => {
    expect(rst('a', '', '.. a comment', '   still the comment', '', '..', '   also a comment', '', 'b')).toBe(html('<p>a</p>', '<p>b</p>'));
  });

  it('treats ".." before a blank line as an empty comment, so the indented text after it is a quote', () => {
    expect(rst('..', '', '    quoted')).toBe(html('<blockquote>', '<p>quoted</p>', '</blockquote>'));
  });

  it('disables raw and include with a note, never emitting their content', () => {
    expect(rst('.. raw:: html', '', '   <script>alert(1)</script>')).toBe('<p class="rst-disabled">"raw" directive disabled.</p>');
    expect(rst('.. include:: /etc/passwd')).toBe('<p class="rst-disabled">"include" directive disabled.</p>');
    expect(rst('.. raw:: html', '   :file: /etc/passwd')).not.toContain('passwd');
  });

  it('renders directives that only configure docutils as nothing', () => {
    expect(rst('.. meta::', '   :keywords: python', '', '.. highlight:: python', '', 'text')).toBe('<p>text</p>');
  });

  it('shows unknown directives as literal source text, never as HTML', () => {
    expect(rst('.. versionadded:: 3.12', '', '   New <b>thing</b>.')).toBe(
      '<pre class="rst-unknown-directive">.. versionadded:: 3.12\n\n   New &lt;b&gt;thing&lt;/b&gt;.</pre>',
    );
  });
});

describe('reStructuredText structural directives', () => {
  it('renders topic, sidebar, rubric and container', () => {
    expect(rst('.. topic:: Summary', '', '   Text.', '', '.. sidebar:: Aside', '', '   More.', '', '.. rubric:: Heading', '', '.. container:: wide "x"', '', '   In.')).toBe(html(
      '<div class="topic">', '<p class="topic-title">Summary</p>', '<p>Text.</p>', '</div>',
      '<div class="sidebar">', '<p class="sidebar-title">Aside</p>', '<p>More.</p>', '</div>',
      '<p class="rubric">Heading</p>',
      '<div class="container wide x">', '<p>In.</p>', '</div>',
    ));
  });

  it('renders epigraphs as classed block quotes', () => {
    expect(rst('.. epigraph::', '', '   Simple is better.', '', '   -- Tim')).toBe(html(
      '<blockquote class="epigraph">', '<p>Simple is better.</p>', '<p class="attribution">—Tim</p>', '</blockquote>',
    ));
  });

  it('builds a table of contents from the section titles', () => {
    expect(rst('.. contents:: On this page', '   :depth: 2', '', 'One', '===', '', 'Sub', '---', '', 'Deep', '~~~~', '', 'Two', '===')).toBe(html(
      '<div class="contents topic">',
      '<p class="topic-title">On this page</p>',
      '<ul>',
      '<li><a class="reference internal" href="#one">One</a>',
      '<ul>',
      '<li><a class="reference internal" href="#sub">Sub</a></li>',
      '</ul></li>',
      '<li><a class="reference internal" href="#two">Two</a></li>',
      '</ul>',
      '</div>',
      '<h2 id="one">One</h2>', '<h3 id="sub">Sub</h3>', '<h4 id="deep">Deep</h4>', '<h2 id="two">Two</h2>',
    ));
  });
});
