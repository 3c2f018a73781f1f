/** `:Author: Guido` field lists: a name and an indented body per field. */
import type { BlockRecogniser } from './blockParseContext';
import type { BlockNode } from './blockNodes';
import { parseFieldMarker } from './fieldMarker';
import { extractIndentedBlock } from './indentedBlock';
import type { InlineNode } from './inlineNodes';
import { parseInline } from './parseInline';
import { skipBlankLines } from './skipBlankLines';

export const parseFieldList: BlockRecogniser = (lines, index, context) => {
  if (!parseFieldMarker(lines[index])) return null;
  const fields: { name: InlineNode[]; body: BlockNode[] }[] = [];
  let next = index;
  while (next < lines.length) {
    const marker = parseFieldMarker(lines[next]);
    if (!marker) break;
    const body = extractIndentedBlock(lines, next, marker.bodyStart);
    fields.push({ name: parseInline(marker.name), body: context.parseNested(body.lines) });
    next = skipBlankLines(lines, body.end);
  }
  return { nodes: [{ kind: 'field-list', fields }], next };
};
