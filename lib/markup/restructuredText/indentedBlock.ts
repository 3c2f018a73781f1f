/**
 * docutils' `get_indented` family: the body of a list item, a directive or a block quote is
 * the run of lines that are blank or indented past the current margin. Nested constructs are
 * parsed from these blocks, re-based to column 0.
 */
import { indentOf, isBlank } from './sourceLines';

export interface IndentedBlock {
  /** The block's lines with the common indentation removed, trailing blank lines dropped. */
  lines: string[];
  /** Index of the first line after the block. */
  end: number;
}

/**
 * The indented block starting at `start`. With `firstIndent`, the line at `start` belongs to
 * the block and loses exactly that many columns (the text after a list marker or `.. `), and
 * the following lines lose their own smallest indentation.
 */
export function extractIndentedBlock(lines: string[], start: number, firstIndent?: number): IndentedBlock {
  let end = firstIndent === undefined ? start : start + 1;
  let smallestIndent = Infinity;
  while (end < lines.length) {
    const line = lines[end];
    if (line !== '' && line[0] !== ' ') break;
    if (!isBlank(line)) smallestIndent = Math.min(smallestIndent, indentOf(line));
    end += 1;
  }
  const restIndent = smallestIndent === Infinity ? 0 : smallestIndent;
  const block: string[] = [];
  for (let index = start; index < end; index += 1) {
    if (firstIndent !== undefined && index === start) block.push(lines[index].slice(firstIndent));
    else block.push(lines[index].slice(restIndent));
  }
  while (block.length > 0 && isBlank(block[block.length - 1])) block.pop();
  return { lines: block, end: trimTrailingBlankEnd(lines, start, end, firstIndent !== undefined) };
}

/** Leaves trailing blank lines to the caller, so "ends with a blank line" stays visible. */
function trimTrailingBlankEnd(lines: string[], start: number, end: number, firstLineIncluded: boolean): number {
  const floor = firstLineIncluded ? start + 1 : start;
  let trimmed = end;
  while (trimmed > floor && isBlank(lines[trimmed - 1])) trimmed -= 1;
  return trimmed;
}

/** The end of a paragraph-like text block: the first blank line (or the end of input). */
export function textBlockEnd(lines: string[], start: number): number {
  let end = start;
  while (end < lines.length && !isBlank(lines[end])) end += 1;
  return end;
}

/** Drops leading blank lines and the indentation common to all remaining lines. */
export function dedentLines(lines: string[]): string[] {
  let first = 0;
  while (first < lines.length && isBlank(lines[first])) first += 1;
  const body = lines.slice(first);
  while (body.length > 0 && isBlank(body[body.length - 1])) body.pop();
  let smallestIndent = Infinity;
  for (const line of body) if (!isBlank(line)) smallestIndent = Math.min(smallestIndent, indentOf(line));
  if (smallestIndent === Infinity || smallestIndent === 0) return body;
  return body.map((line) => line.slice(smallestIndent));
}
