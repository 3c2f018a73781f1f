/**
 * Grid tables (docutils `GridTableParser`):
 *
 *     +-----+-----+
 *     | A   | B   |
 *     +=====+=====+
 *     | 1   | 2   |
 *     +-----+-----+
 *
 * Cells are found by walking each cell's border from its top-left corner (right, down, left,
 * up), so cells may span rows and columns. The walk is bounded by a work budget: a table that
 * would take longer is shown as its source text rather than stalling the render.
 */
import type { BlockParseContext, BlockRecogniser } from './blockParseContext';
import type { TableCell, TableRow } from './blockNodes';
import { textBlockEnd } from './indentedBlock';
import { cellText, TableMarkupError } from './tableCells';

const TABLE_TOP = /^\+-[-+]+-\+ *$/;
const HEAD_BODY_SEPARATOR = /^\+=[=+]+=\+ *$/;
const WORK_BUDGET = 2_000_000;

interface Cell {
  top: number;
  left: number;
  bottom: number;
  right: number;
  text: string[];
}

export const parseGridTable: BlockRecogniser = (lines, index, context) => {
  if (!TABLE_TOP.test(lines[index])) return null;
  const isolated = isolateTable(lines, index);
  if (isolated.malformed) return { nodes: [malformed(isolated.block)], next: isolated.next };
  try {
    return { nodes: [new GridTableParser(isolated.block).parse(context)], next: isolated.next };
  } catch (error) {
    if (error instanceof TableMarkupError) return { nodes: [malformed(isolated.block)], next: isolated.next };
    throw error;
  }
};

function malformed(block: string[]) {
  return { kind: 'literal-block' as const, text: block.join('\n'), className: 'literal-block' };
}

/** docutils `isolate_grid_table`: the table is the text block, cut at its left edge and its last border. */
function isolateTable(lines: string[], index: number): { block: string[]; next: number; malformed: boolean } {
  const textEnd = textBlockEnd(lines, index);
  let block = lines.slice(index, textEnd).map((line) => line.trim());
  const width = block[0].length;
  const leftEdgeEnd = block.findIndex((line) => line[0] !== '+' && line[0] !== '|');
  if (leftEdgeEnd >= 0) block = block.slice(0, leftEdgeEnd);
  if (!TABLE_TOP.test(block[block.length - 1])) {
    let bottom = -1;
    for (let line = block.length - 2; line > 1; line -= 1) {
      if (TABLE_TOP.test(block[line])) {
        bottom = line;
        break;
      }
    }
    if (bottom < 0) return { block, next: index + block.length, malformed: true };
    block = block.slice(0, bottom + 1);
  }
  const next = index + block.length;
  if (block.length < 3) return { block, next, malformed: true };
  const rightEdgeBroken = block.some((line) => line.length !== width || (line[line.length - 1] !== '+' && line[line.length - 1] !== '|'));
  return { block, next, malformed: rightEdgeBroken };
}

class GridTableParser {
  private readonly block: string[];
  private readonly bottom: number;
  private readonly right: number;
  private readonly headBodySeparator: number | null = null;
  /** Per column: the last row boundary up to which cells have been found. */
  private readonly done: number[];
  private readonly rowSeparators = new Set<number>([0]);
  private readonly columnSeparators = new Set<number>([0]);
  private readonly cells: Cell[] = [];
  private work = 0;

  constructor(source: string[]) {
    this.block = [...source];
    for (let line = 0; line < this.block.length; line += 1) {
      if (!HEAD_BODY_SEPARATOR.test(this.block[line])) continue;
      if (this.headBodySeparator !== null) throw new TableMarkupError('multiple head/body separators');
      this.headBodySeparator = line;
      this.block[line] = this.block[line].replace(/=/g, '-');
    }
    if (this.headBodySeparator === 0 || this.headBodySeparator === this.block.length - 1) throw new TableMarkupError('misplaced head/body separator');
    this.bottom = this.block.length - 1;
    this.right = this.block[0].length - 1;
    this.done = new Array<number>(this.block[0].length).fill(-1);
  }

  parse(context: BlockParseContext) {
    this.findCells();
    return this.structure(context);
  }

  private spend(amount: number): void {
    this.work += amount;
    if (this.work > WORK_BUDGET) throw new TableMarkupError('table too complex');
  }

  private findCells(): void {
    const corners: [number, number][] = [[0, 0]];
    while (corners.length > 0) {
      const [top, left] = corners.shift() as [number, number];
      this.spend(corners.length + 1);
      if (top === this.bottom || left === this.right || top <= this.done[left]) continue;
      const cell = this.scanCell(top, left);
      if (!cell) continue;
      const { bottom, right } = cell;
      this.markDone(top, left, bottom, right);
      this.cells.push({ top, left, bottom, right, text: cellText(this.block.slice(top + 1, bottom), left + 1, right) });
      insertSorted(corners, [top, right]);
      insertSorted(corners, [bottom, left]);
    }
    for (let column = 0; column < this.right; column += 1) {
      if (this.done[column] !== this.bottom - 1) throw new TableMarkupError('parse incomplete');
    }
  }

  private markDone(top: number, left: number, bottom: number, right: number): void {
    for (let column = left; column < right; column += 1) {
      if (this.done[column] !== top - 1) throw new TableMarkupError('overlapping cells');
      this.done[column] = bottom - 1;
    }
  }

  /** Right along the top border, down the right border, left along the bottom, up the left. */
  private scanCell(top: number, left: number): { bottom: number; right: number } | null {
    const line = this.block[top];
    const columnSeparators: number[] = [];
    for (let column = left + 1; column <= this.right; column += 1) {
      this.spend(1);
      if (line[column] === '+') {
        columnSeparators.push(column);
        const down = this.scanDown(top, left, column);
        if (down) {
          columnSeparators.forEach((separator) => this.columnSeparators.add(separator));
          down.columnSeparators.forEach((separator) => this.columnSeparators.add(separator));
          down.rowSeparators.forEach((separator) => this.rowSeparators.add(separator));
          return { bottom: down.bottom, right: column };
        }
      } else if (line[column] !== '-') {
        return null;
      }
    }
    return null;
  }

  private scanDown(top: number, left: number, right: number) {
    const rowSeparators: number[] = [];
    for (let row = top + 1; row <= this.bottom; row += 1) {
      this.spend(1);
      const char = this.block[row][right];
      if (char === '+') {
        rowSeparators.push(row);
        const columnSeparators = this.scanLeft(top, left, row, right);
        if (columnSeparators) {
          const up = this.scanUp(top, left, row);
          if (up) return { bottom: row, rowSeparators: [...rowSeparators, ...up], columnSeparators };
        }
      } else if (char !== '|') {
        return null;
      }
    }
    return null;
  }

  private scanLeft(top: number, left: number, bottom: number, right: number): number[] | null {
    const line = this.block[bottom];
    const columnSeparators: number[] = [];
    for (let column = right - 1; column > left; column -= 1) {
      this.spend(1);
      if (line[column] === '+') columnSeparators.push(column);
      else if (line[column] !== '-') return null;
    }
    return line[left] === '+' ? columnSeparators : null;
  }

  private scanUp(top: number, left: number, bottom: number): number[] | null {
    const rowSeparators: number[] = [];
    for (let row = bottom - 1; row > top; row -= 1) {
      this.spend(1);
      const char = this.block[row][left];
      if (char === '+') rowSeparators.push(row);
      else if (char !== '|') return null;
    }
    return rowSeparators;
  }

  private structure(context: BlockParseContext) {
    const rowBoundaries = [...this.rowSeparators].sort((a, b) => a - b);
    const columnBoundaries = [...this.columnSeparators].sort((a, b) => a - b);
    const rowIndex = new Map(rowBoundaries.map((boundary, index) => [boundary, index]));
    const columnIndex = new Map(columnBoundaries.map((boundary, index) => [boundary, index]));
    const rowCount = rowBoundaries.length - 1;
    const rows: { column: number; cell: TableCell }[][] = Array.from({ length: rowCount }, () => []);
    let remaining = rowCount * (columnBoundaries.length - 1);
    for (const cell of this.cells) {
      const row = rowIndex.get(cell.top);
      const column = columnIndex.get(cell.left);
      const lastRow = rowIndex.get(cell.bottom);
      const lastColumn = columnIndex.get(cell.right);
      if (row === undefined || column === undefined || lastRow === undefined || lastColumn === undefined) throw new TableMarkupError('cell outside the grid');
      const rowSpan = lastRow - row;
      const columnSpan = lastColumn - column;
      remaining -= rowSpan * columnSpan;
      rows[row].push({ column, cell: { content: context.parseNested(cell.text), columnSpan, rowSpan } });
    }
    if (remaining !== 0) throw new TableMarkupError('unused cells remaining');
    const tableRows: TableRow[] = rows.map((cells) => ({ cells: cells.sort((a, b) => a.column - b.column).map(({ cell }) => cell) }));
    const headRowCount = this.headBodySeparator === null ? 0 : (rowIndex.get(this.headBodySeparator) ?? 0);
    return { kind: 'table' as const, headRows: tableRows.slice(0, headRowCount), bodyRows: tableRows.slice(headRowCount) };
  }
}

/** Corners are visited top to bottom, left to right, as docutils does after sorting its list. */
function insertSorted(corners: [number, number][], corner: [number, number]): void {
  let low = 0;
  let high = corners.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const [top, left] = corners[middle];
    if (top < corner[0] || (top === corner[0] && left <= corner[1])) low = middle + 1;
    else high = middle;
  }
  corners.splice(low, 0, corner);
}
