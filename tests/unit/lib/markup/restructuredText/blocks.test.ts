import { describe, expect, it } from 'vitest';
import { html, rst } from './rstTestHelpers';

describe('reStructuredText paragraphs', () => {
  it('renders the seed events\' one-word descriptions as docutils did', () => {
    expect(rst('event')).toBe('<p>event</p>');
    expect(rst('Example event')).toBe('<p>Example event</p>');
  });

  it('keeps line breaks inside a paragraph and separates paragraphs at blank lines', () => {
    expect(rst('one', 'two', '', 'three')).toBe(html('<p>one', 'two</p>', '<p>three</p>'));
  });

  it('renders nothing for empty or blank input', () => {
    expect(rst('')).toBe('');
    expect(rst('   ', '', '\t')).toBe('');
  });

  it('normalises CRLF, tabs and NUL characters', () => {
    expect(rst('a\r\nb\r\n\r\n\tquoted')).toBe(html('<p>a', 'b</p>', '<blockquote>', '<p>quoted</p>', '</blockquote>'));
    expect(rst('a\u0000b')).toBe('<p>a\uFFFDb</p>');
  });
});

describe('reStructuredText section titles', () => {
  it('levels styles in order of first appearance, from h2 under the page title', () => {
    expect(rst('=====', 'Title', '=====', '', 'Part', '====', '', 'Sub', '---', '', 'Again', '====')).toBe(html(
      '<h2 id="title">Title</h2>',
      '<h3 id="part">Part</h3>',
      '<h4 id="sub">Sub</h4>',
      '<h3 id="again">Again</h3>',
    ));
  });

  it('accepts any punctuation and caps deep levels at h6', () => {
    const styles = ['#', '*', '=', '-', '^', '"', '~'];
    const source = styles.flatMap((char, index) => [`T${index}`, char.repeat(2), '']);
    expect(rst(...source)).toBe(html(
      '<h2 id="t0">T0</h2>', '<h3 id="t1">T1</h3>', '<h4 id="t2">T2</h4>', '<h5 id="t3">T3</h5>',
      '<h6 id="t4">T4</h6>', '<h6 id="t5">T5</h6>', '<h6 id="t6">T6</h6>',
    ));
  });

  it('derives ids from the title text, unique in the document', () => {
    expect(rst('Über *Python* 3.12!', '==================', '', 'Über Python 3.12', '----------------', '', '2024', '====')).toBe(html(
      '<h2 id="uber-python-3-12">Über <em>Python</em> 3.12!</h2>',
      '<h3 id="id1">Über Python 3.12</h3>',
      '<h2 id="id2">2024</h2>',
    ));
  });

  it('treats an underline shorter than the title and than four characters as text', () => {
    expect(rst('Title', '===')).toBe(html('<p>Title', '===</p>'));
    expect(rst('Hi', '==')).toBe('<h2 id="hi">Hi</h2>');
  });

  it('does not recognise titles inside a body (docutils reports them; the text is kept)', () => {
    expect(rst('- item', '', '  Inner', '  =====')).toBe(html('<ul>', '<li><p>item</p>', '<p>Inner', '=====</p></li>', '</ul>'));
  });
});

describe('reStructuredText transitions', () => {
  it('renders a line of four or more punctuation characters between blank lines as <hr />', () => {
    expect(rst('a', '', '----', '', 'b')).toBe(html('<p>a</p>', '<hr />', '<p>b</p>'));
  });

  it('keeps short lines as text', () => {
    expect(rst('a', '', '--', '', 'b')).toBe(html('<p>a</p>', '<p>--</p>', '<p>b</p>'));
  });
});

describe('reStructuredText bullet lists', () => {
  it('renders -, * and + lists, one list per bullet character', () => {
    expect(rst('- a', '- b', '', '* c', '', '+ d')).toBe(html(
      '<ul>', '<li>a</li>', '<li>b</li>', '</ul>', '<ul>', '<li>c</li>', '</ul>', '<ul>', '<li>d</li>', '</ul>',
    ));
  });

  it('nests by indentation and keeps simple lists free of <p>', () => {
    expect(rst('- a', '', '  - b', '  - c', '', '- d')).toBe(html(
      '<ul>', '<li>a', '<ul>', '<li>b</li>', '<li>c</li>', '</ul></li>', '<li>d</li>', '</ul>',
    ));
  });

  it('wraps paragraphs in items holding more than one block', () => {
    expect(rst('- a', '', '  more', '- b')).toBe(html('<ul>', '<li><p>a</p>', '<p>more</p></li>', '<li>b</li>', '</ul>'));
  });

  it('ends a list at an unindented line', () => {
    expect(rst('- a', 'text')).toBe(html('<ul>', '<li>a</li>', '</ul>', '<p>text</p>'));
  });
});

describe('reStructuredText enumerated lists', () => {
  it('renders 1. 1) (1) and #. lists', () => {
    expect(rst('1. a', '2. b', '', '(1) c', '(2) d', '', '1) e', '', '#. f', '#. g')).toBe(html(
      '<ol>', '<li>a</li>', '<li>b</li>', '</ol>',
      '<ol>', '<li>c</li>', '<li>d</li>', '</ol>',
      '<ol>', '<li>e</li>', '</ol>',
      '<ol>', '<li>f</li>', '<li>g</li>', '</ol>',
    ));
  });

  it('numbers alphabetic and roman lists and lists not starting at one', () => {
    expect(rst('a. x', 'b. y', '', 'I. x', 'II. y', '', 'i) x', '', '3. x', '4. y')).toBe(html(
      '<ol type="a">', '<li>x</li>', '<li>y</li>', '</ol>',
      '<ol type="I">', '<li>x</li>', '<li>y</li>', '</ol>',
      '<ol type="i">', '<li>x</li>', '</ol>',
      '<ol start="3">', '<li>x</li>', '<li>y</li>', '</ol>',
    ));
  });

  it('starts a new list when the numbering does not continue', () => {
    expect(rst('1. a', '', '3. b')).toBe(html('<ol>', '<li>a</li>', '</ol>', '<ol start="3">', '<li>b</li>', '</ol>'));
  });

  it('reads "A. Einstein" at the start of a paragraph as text, as docutils does', () => {
    expect(rst('A. Einstein was', 'a physicist.')).toBe(html('<p>A. Einstein was', 'a physicist.</p>'));
  });

  it('nests lists of other kinds by indentation', () => {
    expect(rst('1. one', '', '   - bullet', '', '2. two')).toBe(html(
      '<ol>', '<li>one', '<ul>', '<li>bullet</li>', '</ul></li>', '<li>two</li>', '</ol>',
    ));
  });
});

describe('reStructuredText definition and field lists', () => {
  it('renders terms, classifiers and definitions', () => {
    expect(rst('term', '    Definition.', 'other : type', '    First.', '', '    Second.')).toBe(html(
      '<dl>',
      '<dt>term</dt>',
      '<dd>Definition.</dd>',
      '<dt>other <span class="classifier-delimiter">:</span> <span class="classifier">type</span></dt>',
      '<dd><p>First.</p>',
      '<p>Second.</p></dd>',
      '</dl>',
    ));
  });

  it('renders field lists as a definition list of names and bodies', () => {
    expect(rst(':Author: Guido', ':Version: *1.0*', '   and more')).toBe(html(
      '<dl class="field-list">', '<dt>Author:</dt>', '<dd>Guido</dd>', '<dt>Version:</dt>', '<dd><em>1.0</em>', 'and more</dd>', '</dl>',
    ));
  });
});

describe('reStructuredText literal, doctest and line blocks', () => {
  it('keeps one colon of "Paragraph::" and none of "Paragraph ::"', () => {
    expect(rst('Example::', '', '    x < 1', '      y', '', 'After ::', '', '  z')).toBe(html(
      '<p>Example:</p>', '<pre class="literal-block">x &lt; 1', '  y</pre>', '<p>After</p>', '<pre class="literal-block">z</pre>',
    ));
  });

  it('renders "::" alone as just the literal block', () => {
    expect(rst('::', '', '    code')).toBe('<pre class="literal-block">code</pre>');
  });

  it('accepts quoted literal blocks and leaves the paragraph alone when no block follows', () => {
    expect(rst('Quoted::', '', '> a', '> b')).toBe(html('<p>Quoted:</p>', '<pre class="literal-block">&gt; a', '&gt; b</pre>'));
    expect(rst('Nothing::', '', 'text')).toBe(html('<p>Nothing:</p>', '<p>text</p>'));
  });

  it('does not treat an escaped "\\::" as a literal-block marker', () => {
    expect(rst('a\\::', '', '  quoted')).toBe(html('<p>a::</p>', '<blockquote>', '<p>quoted</p>', '</blockquote>'));
  });

  it('renders doctest blocks as they are', () => {
    expect(rst('>>> print("<hi>")', '<hi>')).toBe(html('<pre class="doctest-block">&gt;&gt;&gt; print("&lt;hi&gt;")', '&lt;hi&gt;</pre>'));
  });

  it('renders line blocks, nesting indented lines', () => {
    expect(rst('| one', '|   two', '|', '| three', '  continued')).toBe(html(
      '<div class="line-block">',
      '<div class="line">one</div>',
      '<div class="line-block">',
      '<div class="line">two</div>',
      '<div class="line"><br /></div>',
      '</div>',
      '<div class="line">three',
      'continued</div>',
      '</div>',
    ));
  });
});

describe('reStructuredText block quotes', () => {
  it('renders an indented block as a block quote with its attribution', () => {
    expect(rst('Said:', '', '    Beautiful is better.', '', '    -- Tim Peters')).toBe(html(
      '<p>Said:</p>', '<blockquote>', '<p>Beautiful is better.</p>', '<p class="attribution">—Tim Peters</p>', '</blockquote>',
    ));
  });

  it('nests block quotes and may hold other constructs', () => {
    expect(rst('  - a', '', '    same level', '', '        deeper')).toBe(html(
      '<blockquote>', '<ul>', '<li><p>a</p>', '<p>same level</p>', '<blockquote>', '<p>deeper</p>', '</blockquote></li>', '</ul>', '</blockquote>',
    ));
  });
});
