/**
 * `| line` blocks: each bar starts a line, indented continuation lines continue it, and lines
 * indented further than their neighbours nest (docutils `nest_line_block_segment`).
 */
import type { BlockRecogniser } from './blockParseContext';
import type { LineBlockItem } from './blockNodes';
import type { InlineNode } from './inlineNodes';
import { parseInline } from './parseInline';

const LINE = /^\|( +|$)/;
/** Deeper nesting is flattened: no reader follows it, and recursion must stay bounded. */
const DEEPEST_NESTING = 16;

interface IndentedLine {
  indent: number;
  content: InlineNode[];
}

export const parseLineBlock: BlockRecogniser = (lines, index) => {
  if (!LINE.test(lines[index])) return null;
  const indented: IndentedLine[] = [];
  let next = index;
  let previousIndent = 0;
  while (next < lines.length) {
    const marker = LINE.exec(lines[next]);
    if (!marker) break;
    let end = next + 1;
    while (end < lines.length && lines[end].startsWith(' ') && lines[end].trim() !== '') end += 1;
    const text = [lines[next].slice(marker[0].length), ...lines.slice(next + 1, end).map((line) => line.trimStart())].join('\n');
    // An empty line (`|` alone) takes the indentation of the line before it.
    const indent = lines[next] === '|' ? previousIndent : marker[1].length - 1;
    indented.push({ indent, content: parseInline(text) });
    previousIndent = indent;
    next = end;
  }
  return { nodes: [{ kind: 'line-block', items: nestByIndent(indented, 0) }], next };
};

function nestByIndent(lines: IndentedLine[], depth: number): LineBlockItem[] {
  if (depth >= DEEPEST_NESTING) return lines.map((line) => ({ kind: 'line', content: line.content }));
  const least = lines.reduce((smallest, line) => Math.min(smallest, line.indent), Infinity);
  const items: LineBlockItem[] = [];
  let deeper: IndentedLine[] = [];
  const flushDeeper = () => {
    if (deeper.length > 0) items.push({ kind: 'nested', items: nestByIndent(deeper, depth + 1) });
    deeper = [];
  };
  for (const line of lines) {
    if (line.indent > least) {
      deeper.push(line);
      continue;
    }
    flushDeeper();
    items.push({ kind: 'line', content: line.content });
  }
  flushDeeper();
  return items;
}
