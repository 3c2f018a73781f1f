import { describe, expect, it } from 'vitest';
import { renderRestructuredText } from '../../../../../lib/markup/restructuredText/renderRestructuredText';
import { sanitizeBoxHtml } from '../../../../../lib/markup/sanitizeBoxHtml';
import { rst } from './rstTestHelpers';

/** Every href and src the output holds. */
const urlsIn = (output: string): string[] => [...output.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((match) => match[1]);

/** What a browser would treat as markup: any tag or attribute the renderer did not write. */
const expectInert = (output: string) => {
  expect(output).not.toMatch(/<(script|iframe|object|embed|style|form|input|svg|math)\b/i);
  expect(output).not.toMatch(/\son\w+=/i);
  for (const url of urlsIn(output)) expect(url).toMatch(/^(https?:|mailto:|\/(?!\/)|#|[^:]*$)/i);
};

describe('reStructuredText hostile input', () => {
  it('escapes HTML in text', () => {
    expect(rst('<script>alert(1)</script> & <b onclick="x">')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b onclick="x"&gt;</p>');
  });

  it('never links javascript:, data: or protocol-relative URLs, whatever the route', () => {
    const output = rst(
      '`x <javascript:alert(1)>`_ `y <JavaScript:alert(1)>`__ `z <data:text/html,hi>`_ `w <//evil.example/>`_ `v <java\\',
      'script:alert(1)>`_ bad_ `p <vbscript:x>`_',
      '',
      '.. _bad: javascript:alert(1)',
      '',
      '.. image:: javascript:alert(1)',
      '.. image:: /ok.png',
      '   :target: javascript:alert(1)',
    );
    expect(output).toBe('<p>x y z w v bad p</p>\n<img src="/ok.png" alt="/ok.png" />');
    expect(output.toLowerCase()).not.toContain('script:');
    expectInert(output);
  });

  it('never emits the content of .. raw:: html', () => {
    const output = rst('.. raw:: html', '', '   <script>alert(1)</script>', '   <img src=x onerror=alert(1)>');
    expect(output).toBe('<p class="rst-disabled">"raw" directive disabled.</p>');
  });

  it('keeps quotes and markup out of attributes', () => {
    const output = rst(
      '.. image:: /a.png',
      '   :alt: "><script>alert(1)</script>',
      '',
      '.. code-block:: python"><script>',
      '',
      '   x',
      '',
      '"><b>Title',
      '=========',
    );
    expectInert(output);
    expect(output).toContain('alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(output).toContain('<h2 id="b-title">"&gt;&lt;b&gt;Title</h2>');
  });
});

describe('reStructuredText output and the sanitiser', () => {
  const sample = [
    'Title', '=====', '', 'Text with *em*, **strong**, ``code``, `link <https://www.python.org/>`_, :pep:`8`, `cite`.', '',
    '- a', '- b', '', '  a. nested', '', 'term', '   definition', '', ':Field: value', '', '::', '', '   literal', '',
    '.. note:: Note.', '', '.. figure:: /a.png', '   :width: 20', '', '   Caption.', '', '=====  =====', 'A      B', '=====  =====', '1      2', '=====  =====', '',
    '| line', '', '3. three', '4. four', '', 'See [1]_.', '', '.. [1] Footnote.', '', '----', '', '.. contents::',
  ];

  it('is left unchanged by the box sanitiser, classes and numbering included', () => {
    const output = rst(...sample);
    expect(sanitizeBoxHtml(output)).toBe(output);
    expect(output).toContain('<ol type="a">');
    expect(output).toContain('<ol start="3">');
    expect(output).toContain('<cite>cite</cite>');
  });

  it('survives 500 random documents built from reST punctuation: no throw, sanitiser-stable, inert', () => {
    const pieces = [
      '*', '**', '`', '``', '_', '__', ':', '::', '|', '\\', '-', '=', '+', '#', '.', '..', '..\n', ' ', '  ', '    ', '\n', '\n\n', '\t',
      '<', '>', '&', '"', "'", '(', ')', '[', ']', '[1]_', 'a', 'word', '1.', '#.', '(i)', 'x@y.org', 'https://x.org/a',
      'javascript:alert(1)', '<javascript:alert(1)>`_', '.. _t: ', 't_', '.. note:: ', '.. raw:: html\n\n   <script>x</script>',
      '.. image:: ', '.. |s| replace:: ', '|s|', ':pep:', ':role:', '>>> ', '+---+---+', '| ', '=====  =====', '----',
      '\u00e9', '\u2014', '\u00ab', '\u0000', '\ud800', '\r\n',
    ];
    let state = 0x9e3779b9;
    const random = () => {
      // xorshift32: deterministic, so a failure reproduces.
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 0x100000000;
    };
    for (let round = 0; round < 500; round += 1) {
      const length = Math.floor(random() * 80);
      let source = '';
      for (let index = 0; index < length; index += 1) source += pieces[Math.floor(random() * pieces.length)];
      const output = renderRestructuredText(source);
      expect(sanitizeBoxHtml(output), JSON.stringify(source)).toBe(output);
      expect(output, JSON.stringify(source)).not.toMatch(/<script|="\s*javascript:/i);
      expectInert(output);
    }
  });
});

describe('reStructuredText performance', () => {
  const pathological: Record<string, string> = {
    'asterisks': '*'.repeat(50_000),
    'backquotes': '`'.repeat(50_000),
    'unclosed emphasis': '*a '.repeat(50_000),
    'joined names': 'a-'.repeat(100_000),
    'role-like text': ':a:`'.repeat(50_000),
    'embedded-link-like text': '`a <'.repeat(50_000),
    'URL-like text': 'http://'.repeat(30_000),
    'e-mail-like text': 'a@'.repeat(100_000),
    'nested bullets': '- '.repeat(100_000),
    'a wide grid table': `+${'-+'.repeat(20_000)}\n|${' |'.repeat(20_000)}\n+${'-+'.repeat(20_000)}`,
    'a long target name': `.. _${'a'.repeat(200_000)}`,
  };

  it.each(Object.entries(pathological))('renders %s without catastrophic backtracking', (_name, source) => {
    const output = renderRestructuredText(source);
    expect(typeof output).toBe('string');
  }, 20_000);

  it('renders a realistic 200 KB document', () => {
    const section = (index: number) => [
      `Section ${index}`, '==========', '',
      `Some *emphasis*, **strong**, \`\`literal\`\`, \`Python <https://www.python.org/>\`_, :pep:\`${index % 800}\`, target${index}_.`,
      'See https://docs.python.org/3/ or psf@python.org.', '',
      '- item', '- item', '', '  1. nested', '', '.. note:: Remember.', '', 'term', '   definition', '',
      'Example::', '', '    def f(x):', '        return x', '',
      '=====  =====', 'A      B', '=====  =====', '1      2', '=====  =====', '',
      `.. _target${index}: https://example.org/${index}`, '', '',
    ].join('\n');
    let source = '';
    for (let index = 0; source.length < 200 * 1024; index += 1) source += section(index);
    const output = renderRestructuredText(source);
    expect(output).toContain('<h2 id="section-0">Section 0</h2>');
    expect(output).toContain('<a class="reference external" href="https://example.org/1">target1</a>');
  }, 20_000);
});
