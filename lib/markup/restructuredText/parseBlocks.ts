/**
 * The block parser: at each non-blank line, the first recogniser that accepts it builds its
 * construct, in docutils' order of transitions (indentation first, plain text last).
 * Bodies of lists, directives and cells are parsed by the same function, one level deeper.
 */
import { parseAdornmentLine } from './adornmentLine';
import type { BlockParseContext, BlockRecogniser, ParsedBlocks } from './blockParseContext';
import type { BlockNode } from './blockNodes';
import { parseBlockQuote } from './blockQuote';
import { parseBulletList } from './bulletList';
import { parseDoctestBlock } from './doctestBlock';
import { parseEnumeratedList } from './enumeratedList';
import { parseAnonymousTarget, parseExplicitMarkup } from './explicitMarkup';
import { parseFieldList } from './fieldList';
import { parseGridTable } from './gridTable';
import { parseLineBlock } from './lineBlock';
import { parseSimpleTable } from './simpleTable';
import { isBlank } from './sourceLines';
import { parseTextBlock } from './textBlock';

/** Deeper bodies are shown as text: no document needs them, and recursion must stay bounded. */
const DEEPEST_NESTING = 24;

const RECOGNISERS: BlockRecogniser[] = [
  parseBlockQuote,
  parseBulletList,
  parseEnumeratedList,
  parseFieldList,
  parseDoctestBlock,
  parseLineBlock,
  parseGridTable,
  parseSimpleTable,
  parseExplicitMarkup,
  parseAnonymousTarget,
  parseAdornmentLine,
  parseTextBlock,
];

export function parseDocumentBlocks(lines: string[]): BlockNode[] {
  return parseBlocks(lines, contextAtDepth(0, []));
}

function contextAtDepth(depth: number, sectionStyles: string[]): BlockParseContext {
  return {
    titlesAllowed: depth === 0,
    sectionStyles,
    parseNested: (nested) => {
      if (depth + 1 >= DEEPEST_NESTING) return [{ kind: 'literal-block', text: nested.join('\n'), className: 'literal-block' }];
      return parseBlocks(nested, contextAtDepth(depth + 1, sectionStyles));
    },
  };
}

function recogniseAt(lines: string[], index: number, context: BlockParseContext): ParsedBlocks {
  for (const recognise of RECOGNISERS) {
    const parsed = recognise(lines, index, context);
    if (parsed) return parsed;
  }
  return { nodes: [], next: index + 1 };
}

function parseBlocks(lines: string[], context: BlockParseContext): BlockNode[] {
  const nodes: BlockNode[] = [];
  let index = 0;
  while (index < lines.length) {
    if (isBlank(lines[index])) {
      index += 1;
      continue;
    }
    const parsed = recogniseAt(lines, index, context);
    nodes.push(...parsed.nodes);
    // Every construct consumes at least its first line; this guards the loop regardless.
    index = Math.max(parsed.next, index + 1);
  }
  return nodes;
}
