/** Tables (from simple, grid and list tables) to `table`/`thead`/`tbody`, spans as attributes. */
import type { TableCell, TableRow } from './blockNodes';

export function renderTable(headRows: TableRow[], bodyRows: TableRow[], renderCell: (cell: TableCell) => string): string {
  const row = (cells: TableCell[], tag: 'th' | 'td') => `<tr>${cells.map((cell) => {
    const spans = (cell.columnSpan > 1 ? ` colspan="${cell.columnSpan}"` : '') + (cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '');
    return `<${tag}${spans}>${renderCell(cell)}</${tag}>`;
  }).join('')}</tr>`;
  const parts = ['<table>'];
  if (headRows.length > 0) parts.push('<thead>', ...headRows.map((headRow) => row(headRow.cells, 'th')), '</thead>');
  if (bodyRows.length > 0) parts.push('<tbody>', ...bodyRows.map((bodyRow) => row(bodyRow.cells, 'td')), '</tbody>');
  parts.push('</table>');
  return parts.join('\n');
}
