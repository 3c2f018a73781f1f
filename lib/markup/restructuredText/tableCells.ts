/** Shared by both table syntaxes: cutting a cell's text out of the table's lines. */
import { dedentLines } from './indentedBlock';

/** Columns `from` to `to` (or the line end) of each line, right-trimmed and dedented together (docutils `get_2D_block`). */
export function cellText(lines: string[], from: number, to?: number): string[] {
  return dedentLines(lines.map((line) => line.slice(from, to).trimEnd()));
}

/** Raised for a table docutils would reject; the table is then shown as its source text. */
export class TableMarkupError extends Error {}
