/**
 * `.. list-table::`: a table written as a two-level bullet list, one inner list per row, with
 * `:header-rows:` rows in the head. Rows of unequal length are an error in docutils; here the
 * directive then falls back to its source text.
 */
import type { BlockNode, TableRow } from './blockNodes';
import type { DirectiveDefinition } from './directiveDefinition';
import { parseInline } from './parseInline';

export const listTableDirective: DirectiveDefinition = {
  takesArguments: true,
  takesOptions: true,
  build: (parts, context) => {
    const content = context.parseNested(parts.content);
    const list = content[0];
    if (content.length !== 1 || list.kind !== 'bullet-list') return null;
    const rows: TableRow[] = [];
    for (const item of list.items) {
      const row = item[0];
      if (item.length !== 1 || row.kind !== 'bullet-list') return null;
      rows.push({ cells: row.items.map((cell) => ({ content: cell, columnSpan: 1, rowSpan: 1 })) });
    }
    if (rows.length === 0 || rows.some((row) => row.cells.length !== rows[0].cells.length)) return null;
    const headerRows = Math.min(Number.parseInt(parts.options.get('header-rows') ?? '0', 10) || 0, rows.length);
    const table: BlockNode = { kind: 'table', headRows: rows.slice(0, headerRows), bodyRows: rows.slice(headerRows) };
    return parts.argument === '' ? [table] : [{ kind: 'rubric', content: parseInline(parts.argument) }, table];
  },
};
