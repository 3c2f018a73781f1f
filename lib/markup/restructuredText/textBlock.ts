/**
 * A line of plain text at the margin: a paragraph, a section title (when the next line
 * underlines it), or a definition list term (when the next line is indented). A paragraph
 * ending in `::` announces a literal block.
 */
import { isAdornmentLine, SHORTEST_TRANSITION } from './adornments';
import type { BlockParseContext, BlockRecogniser, ParsedBlocks } from './blockParseContext';
import type { BlockNode } from './blockNodes';
import { parseDefinitionList } from './definitionList';
import { parseLiteralBlockAfter, splitLiteralMarker } from './literalBlock';
import { parseInline } from './parseInline';
import { sectionTitle } from './sectionTitle';
import { indentOf, isBlank } from './sourceLines';

export const parseTextBlock: BlockRecogniser = (lines, index, context) => {
  const title = underlinedTitle(lines, index, context);
  if (title) return title;
  return parseDefinitionList(lines, index, context) ?? parseParagraph(lines, index);
};

function underlinedTitle(lines: string[], index: number, context: BlockParseContext): ParsedBlocks | null {
  const underline = lines[index + 1];
  if (!context.titlesAllowed || !isAdornmentLine(underline)) return null;
  const title = lines[index];
  // docutils: an underline shorter than its title still counts unless it is very short.
  if (title.length > underline.length && underline.length < SHORTEST_TRANSITION) return null;
  return { nodes: [sectionTitle(title, underline[0], context)], next: index + 2 };
}

function parseParagraph(lines: string[], index: number): ParsedBlocks {
  let end = index + 1;
  while (end < lines.length && !isBlank(lines[end]) && indentOf(lines[end]) === 0) end += 1;
  const { text, literalFollows } = splitLiteralMarker(lines.slice(index, end).join('\n'));
  const nodes: BlockNode[] = text === '' ? [] : [{ kind: 'paragraph', content: parseInline(text) }];
  if (!literalFollows) return { nodes, next: end };
  const literal = parseLiteralBlockAfter(lines, end);
  if (!literal) return { nodes, next: end };
  return { nodes: [...nodes, ...literal.nodes], next: literal.next };
}
