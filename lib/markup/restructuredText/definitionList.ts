/**
 * A line of text followed by an indented block: a definition list item (`term : classifier`
 * then the definition). Further items follow after blank lines; a line that opens another
 * construct (a bullet, a directive...) ends the list.
 */
import type { BlockRecogniser } from './blockParseContext';
import type { BlockNode } from './blockNodes';
import { startsBodyConstruct } from './bodyConstructStart';
import { extractIndentedBlock } from './indentedBlock';
import type { InlineNode } from './inlineNodes';
import { parseInline } from './parseInline';
import { skipBlankLines } from './skipBlankLines';
import { indentOf, isBlank } from './sourceLines';

type DefinitionItem = { term: InlineNode[]; classifiers: InlineNode[][]; definition: BlockNode[] };

const CLASSIFIER_DELIMITER = / +: +/;

export const parseDefinitionList: BlockRecogniser = (lines, index, context) => {
  if (!isTermLine(lines, index)) return null;
  const items: DefinitionItem[] = [];
  let next = index;
  while (next < lines.length && isTermLine(lines, next) && (items.length === 0 || !startsBodyConstruct(lines[next]))) {
    const [term, ...classifiers] = lines[next].split(CLASSIFIER_DELIMITER);
    const body = extractIndentedBlock(lines, next + 1);
    items.push({ term: parseInline(term), classifiers: classifiers.map(parseInline), definition: context.parseNested(body.lines) });
    next = skipBlankLines(lines, body.end);
  }
  return { nodes: [{ kind: 'definition-list', items }], next };
};

function isTermLine(lines: string[], index: number): boolean {
  const term = lines[index];
  const following = lines[index + 1];
  return !isBlank(term) && indentOf(term) === 0 && following !== undefined && !isBlank(following) && indentOf(following) > 0;
}
