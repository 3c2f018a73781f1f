/**
 * `1.`, `a)`, `(iv)`, `#.` lists. As in docutils, a marker only starts a list when the next line
 * is blank, indented or the next marker, so "A. Einstein was..." stays a paragraph; the list
 * goes on while markers keep the format, the numbering and count up by one.
 */
import type { BlockRecogniser } from './blockParseContext';
import type { BlockNode, ListSequence } from './blockNodes';
import { enumeratorText, parseEnumerator, type Enumerator } from './enumerators';
import { extractIndentedBlock } from './indentedBlock';
import { skipBlankLines } from './skipBlankLines';

export const parseEnumeratedList: BlockRecogniser = (lines, index, context) => {
  const first = parseEnumerator(lines[index]);
  if (!first || first.ordinal === null || !startsListItem(lines, index, first)) return null;
  const sequence: ListSequence = first.sequence === 'auto' ? 'arabic' : first.sequence;
  let automatic = first.sequence === 'auto';
  let lastOrdinal = first.ordinal;
  const items: BlockNode[][] = [];
  let body = extractIndentedBlock(lines, index, first.textStart);
  items.push(context.parseNested(body.lines));
  let next = skipBlankLines(lines, body.end);
  while (next < lines.length) {
    const marker = parseEnumerator(lines[next], sequence);
    if (!marker || marker.format !== first.format || marker.ordinal === null) break;
    const continuesNumbering = marker.sequence === 'auto' || (marker.sequence === sequence && !automatic && marker.ordinal === lastOrdinal + 1);
    if (!continuesNumbering || !startsListItem(lines, next, marker)) break;
    if (marker.sequence === 'auto') automatic = true;
    lastOrdinal = marker.ordinal;
    body = extractIndentedBlock(lines, next, marker.textStart);
    items.push(context.parseNested(body.lines));
    next = skipBlankLines(lines, body.end);
  }
  return { nodes: [{ kind: 'enumerated-list', sequence, start: first.ordinal, items }], next };
};

function startsListItem(lines: string[], index: number, marker: Enumerator): boolean {
  if (marker.ordinal === null) return false;
  const following = lines[index + 1];
  if (following === undefined || following === '' || following[0] === ' ') return true;
  const nextMarker = enumeratorText(marker.ordinal + 1, marker.sequence, marker.format);
  const autoMarker = enumeratorText(1, 'auto', marker.format);
  return (nextMarker !== null && following.startsWith(`${nextMarker} `)) || (autoMarker !== null && following.startsWith(`${autoMarker} `));
}
