/**
 * The literal block announced by a paragraph ending in `::`: the indented block that follows,
 * or a "quoted" block of unindented lines that all start with the same punctuation character.
 */
import type { ParsedBlocks } from './blockParseContext';
import { extractIndentedBlock } from './indentedBlock';
import { skipBlankLines } from './skipBlankLines';
import { indentOf, isBlank } from './sourceLines';

const QUOTE_CHARACTER = /^[!-/:-@[-`{-~]/;

export function parseLiteralBlockAfter(lines: string[], start: number): ParsedBlocks | null {
  const first = skipBlankLines(lines, start);
  if (first >= lines.length) return null;
  if (indentOf(lines[first]) > 0) {
    const block = extractIndentedBlock(lines, first);
    return { nodes: [{ kind: 'literal-block', text: block.lines.join('\n'), className: 'literal-block' }], next: block.end };
  }
  const quote = QUOTE_CHARACTER.exec(lines[first])?.[0];
  if (quote === undefined) return null;
  let end = first;
  while (end < lines.length && !isBlank(lines[end]) && lines[end].startsWith(quote)) end += 1;
  return { nodes: [{ kind: 'literal-block', text: lines.slice(first, end).join('\n'), className: 'literal-block' }], next: end };
}

/**
 * A paragraph's text with its `::` literal-block marker handled as docutils does: `Text::`
 * keeps one colon, `Text ::` keeps none, and `::` alone leaves no paragraph at all.
 */
export function splitLiteralMarker(text: string): { text: string; literalFollows: boolean } {
  if (!text.endsWith('::')) return { text, literalFollows: false };
  let backslashes = 0;
  while (text[text.length - 3 - backslashes] === '\\') backslashes += 1;
  if (backslashes % 2 === 1) return { text, literalFollows: false };
  if (text.length === 2) return { text: '', literalFollows: true };
  const before = text[text.length - 3];
  if (before === ' ' || before === '\n') return { text: text.slice(0, -3).trimEnd(), literalFollows: true };
  return { text: text.slice(0, -1), literalFollows: true };
}
