/**
 * Simple tables (docutils `SimpleTableParser`):
 *
 *     =====  =====
 *     A      B
 *     =====  =====
 *     1      2
 *     =====  =====
 *
 * Columns come from the top border; the last column may overflow to the right. A line with
 * text in the first column starts a row, other lines continue it; a `-----` line under a row
 * joins the columns it spans. A second `=` border inside the table ends the header rows.
 */
import type { BlockParseContext, BlockRecogniser } from './blockParseContext';
import type { TableCell, TableRow } from './blockNodes';
import { isBlank } from './sourceLines';
import { cellText, TableMarkupError } from './tableCells';

const TABLE_TOP = /^=+( +=+)+$/;
const BORDER = /^=+[ =]*$/;
const SPAN_LINE = /^-[ -]*$/;

type Column = [start: number, end: number];

export const parseSimpleTable: BlockRecogniser = (lines, index, context) => {
  if (!TABLE_TOP.test(lines[index])) return null;
  const top = lines[index];
  let headerBorder: number | null = null;
  let bottom: number | null = null;
  for (let line = index + 1; line < lines.length; line += 1) {
    if (!BORDER.test(lines[line])) continue;
    const endsTable = headerBorder !== null || line === lines.length - 1 || isBlank(lines[line + 1]);
    if (endsTable) {
      bottom = line;
      break;
    }
    headerBorder = line;
  }
  if (bottom === null) {
    const end = headerBorder === null ? lines.length : headerBorder + 1;
    return { nodes: [malformed(lines.slice(index, end))], next: end };
  }
  const block = lines.slice(index, bottom + 1);
  const next = bottom + 1;
  try {
    if (block.some((line) => BORDER.test(line) && line.length !== top.length)) throw new TableMarkupError('border mismatch');
    return { nodes: [buildTable(block, headerBorder === null ? null : headerBorder - index, context)], next };
  } catch (error) {
    if (error instanceof TableMarkupError) return { nodes: [malformed(block)], next };
    throw error;
  }
};

function malformed(block: string[]) {
  return { kind: 'literal-block' as const, text: block.join('\n'), className: 'literal-block' };
}

interface ParsedRow {
  firstLine: number;
  cells: { columnSpan: number; text: string[] }[];
}

function buildTable(source: string[], headerBorder: number | null, context: BlockParseContext) {
  // Borders become span lines: each of them ends a row, with every column its own.
  const block = source.map((line, offset) => (offset === 0 || offset === source.length - 1 || offset === headerBorder ? line.replace(/=/g, '-') : line));
  const columns = columnsOf(block[0]);
  const rows: ParsedRow[] = [];
  const [firstStart, firstEnd] = columns[0];
  let start = 1;
  let textFound = false;
  for (let offset = 1; offset < block.length; offset += 1) {
    const line = block[offset];
    if (SPAN_LINE.test(line)) {
      const row = parseRow(block.slice(start, offset), start, columns, line);
      if (row) rows.push(row);
      start = offset + 1;
      textFound = false;
    } else if (line.slice(firstStart, firstEnd).trim() !== '') {
      if (textFound && offset !== start) {
        const row = parseRow(block.slice(start, offset), start, columns, null);
        if (row) rows.push(row);
        start = offset;
      }
      textFound = true;
    } else if (!textFound) {
      start = offset + 1;
    }
  }
  const toTableRow = (row: ParsedRow): TableRow => ({
    cells: row.cells.map((cell): TableCell => ({ content: context.parseNested(cell.text), columnSpan: cell.columnSpan + 1, rowSpan: 1 })),
  });
  const headRows = headerBorder === null ? [] : rows.filter((row) => row.firstLine < headerBorder);
  const bodyRows = headerBorder === null ? rows : rows.filter((row) => row.firstLine > headerBorder);
  return { kind: 'table' as const, headRows: headRows.map(toTableRow), bodyRows: bodyRows.map(toTableRow) };
}

function columnsOf(spanLine: string): Column[] {
  const columns: Column[] = [];
  let end = 0;
  for (;;) {
    const begin = spanLine.indexOf('-', end);
    if (begin < 0) break;
    end = spanLine.indexOf(' ', begin);
    if (end < 0) end = spanLine.length;
    columns.push([begin, end]);
  }
  return columns;
}

function parseRow(lines: string[], firstLine: number, tableColumns: Column[], spanLine: string | null): ParsedRow | null {
  if (lines.length === 0 && spanLine === null) return null;
  const lastEnd = tableColumns[tableColumns.length - 1][1];
  let columns = tableColumns;
  if (spanLine !== null) {
    columns = columnsOf(spanLine);
    if (columns.length === 0 || columns[columns.length - 1][1] !== lastEnd) throw new TableMarkupError('column span incomplete');
  }
  // The last column is unbounded: text may run past the border.
  const bounded = columns.map(([start, end], index): Column => [start, index === columns.length - 1 ? Infinity : end]);
  for (let index = 0; index < bounded.length - 1; index += 1) {
    const marginEnd = bounded[index + 1][0];
    if (lines.some((line) => line.slice(bounded[index][1], marginEnd).trim() !== '')) throw new TableMarkupError('text in column margin');
  }
  const cells: ParsedRow['cells'] = [];
  let tableColumn = 0;
  for (const [start, end] of columns) {
    if (tableColumns[tableColumn]?.[0] !== start) throw new TableMarkupError('column span alignment');
    let columnSpan = 0;
    while (tableColumns[tableColumn] !== undefined && tableColumns[tableColumn][1] !== end) {
      tableColumn += 1;
      columnSpan += 1;
    }
    if (tableColumns[tableColumn] === undefined) throw new TableMarkupError('column span alignment');
    tableColumn += 1;
    cells.push({ columnSpan, text: [] });
  }
  bounded.forEach(([start, end], index) => {
    cells[index].text = cellText(lines, start, end === Infinity ? undefined : end);
  });
  return { firstLine, cells };
}
