import { describe, expect, it } from 'vitest';
import { html, rst } from './rstTestHelpers';

describe('reStructuredText simple tables', () => {
  it('renders a header, body rows and multi-line rows', () => {
    expect(rst(
      '=====  =========',
      'Name   Purpose',
      '=====  =========',
      'pip    installs',
      '       packages',
      'venv   *isolates*',
      '=====  =========',
    )).toBe(html(
      '<table>',
      '<thead>',
      '<tr><th>Name</th><th>Purpose</th></tr>',
      '</thead>',
      '<tbody>',
      '<tr><td>pip</td><td>installs',
      'packages</td></tr>',
      '<tr><td>venv</td><td><em>isolates</em></td></tr>',
      '</tbody>',
      '</table>',
    ));
  });

  it('renders a table without a header, with column spans and overflowing last column', () => {
    expect(rst(
      '=====  =====',
      'A      B',
      'spans both',
      '------------',
      'x      overflowing text',
      '=====  =====',
    )).toBe(html(
      '<table>',
      '<tbody>',
      '<tr><td>A</td><td>B</td></tr>',
      '<tr><td colspan="2">spans both</td></tr>',
      '<tr><td>x</td><td>overflowing text</td></tr>',
      '</tbody>',
      '</table>',
    ));
  });

  it('shows a table with text in a column margin as its source', () => {
    expect(rst('===  ===', 'a  x b', '===  ===')).toBe('<pre class="literal-block">===  ===\na  x b\n===  ===</pre>');
  });
});

describe('reStructuredText grid tables', () => {
  it('renders headers, row and column spans, and block content in cells', () => {
    expect(rst(
      '+-------+-------+',
      '| Head  | Head2 |',
      '+=======+=======+',
      '| spans both    |',
      '+-------+-------+',
      '| tall  | - a   |',
      '|       | - b   |',
      '|       +-------+',
      '|       | z     |',
      '+-------+-------+',
    )).toBe(html(
      '<table>',
      '<thead>',
      '<tr><th>Head</th><th>Head2</th></tr>',
      '</thead>',
      '<tbody>',
      '<tr><td colspan="2">spans both</td></tr>',
      '<tr><td rowspan="2">tall</td><td><ul>',
      '<li>a</li>',
      '<li>b</li>',
      '</ul></td></tr>',
      '<tr><td>z</td></tr>',
      '</tbody>',
      '</table>',
    ));
  });

  it('shows a malformed grid table as its source', () => {
    expect(rst('+---+---+', '| a | b', '+---+---+')).toBe('<pre class="literal-block">+---+---+\n| a | b\n+---+---+</pre>');
  });
});

describe('reStructuredText list tables', () => {
  it('renders .. list-table:: with header rows and a title', () => {
    expect(rst('.. list-table:: Versions', '   :header-rows: 1', '', '   * - Version', '     - Status', '   * - 3.13', '     - bugfix')).toBe(html(
      '<p class="rubric">Versions</p>',
      '<table>',
      '<thead>',
      '<tr><th>Version</th><th>Status</th></tr>',
      '</thead>',
      '<tbody>',
      '<tr><td>3.13</td><td>bugfix</td></tr>',
      '</tbody>',
      '</table>',
    ));
  });

  it('shows a list table with uneven rows as its source', () => {
    expect(rst('.. list-table::', '', '   * - a', '     - b', '   * - c')).toContain('<pre class="rst-unknown-directive">');
  });
});
