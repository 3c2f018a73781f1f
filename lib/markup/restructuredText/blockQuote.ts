/**
 * An indented block with no construct announcing it: a block quote. A last paragraph starting
 * with `--`, `---` or an em dash, after a blank line, is its attribution.
 */
import type { BlockRecogniser } from './blockParseContext';
import { extractIndentedBlock } from './indentedBlock';
import type { InlineNode } from './inlineNodes';
import { parseInline } from './parseInline';
import { indentOf, isBlank } from './sourceLines';

const ATTRIBUTION = /^(---?(?!-)|\u2014) *(?=[^ ])/;

export const parseBlockQuote: BlockRecogniser = (lines, index, context) => {
  if (isBlank(lines[index]) || indentOf(lines[index]) === 0) return null;
  const block = extractIndentedBlock(lines, index);
  const { body, attribution } = splitAttribution(block.lines);
  return { nodes: [{ kind: 'block-quote', children: context.parseNested(body), attribution, className: null }], next: block.end };
};

export function splitAttribution(lines: string[]): { body: string[]; attribution: InlineNode[] | null } {
  let start = lines.length - 1;
  while (start > 0 && !isBlank(lines[start - 1])) start -= 1;
  const marker = start > 0 ? ATTRIBUTION.exec(lines[start]) : null;
  if (!marker) return { body: lines, attribution: null };
  const text = [lines[start].slice(marker[0].length), ...lines.slice(start + 1).map((line) => line.trim())].join('\n');
  return { body: lines.slice(0, start), attribution: parseInline(text) };
}
