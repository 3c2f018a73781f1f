/** `- item`, `* item`, `+ item` (and the Unicode bullets docutils accepts); one bullet per list. */
import type { BlockRecogniser } from './blockParseContext';
import type { BlockNode } from './blockNodes';
import { extractIndentedBlock } from './indentedBlock';
import { skipBlankLines } from './skipBlankLines';

const BULLET = /^([-+*\u2022\u2023\u2043])( +|$)/;

export const parseBulletList: BlockRecogniser = (lines, index, context) => {
  const bullet = BULLET.exec(lines[index])?.[1];
  if (bullet === undefined) return null;
  const items: BlockNode[][] = [];
  let next = index;
  for (;;) {
    const marker = BULLET.exec(lines[next] ?? '');
    if (!marker || marker[1] !== bullet) break;
    const body = extractIndentedBlock(lines, next, marker[0].length);
    items.push(context.parseNested(body.lines));
    next = skipBlankLines(lines, body.end);
  }
  return { nodes: [{ kind: 'bullet-list', items }], next };
};
