/**
 * A section title node. Levels follow docutils: each adornment style (underline character,
 * with or without overline) gets the next level the first time it appears in the document.
 */
import type { BlockParseContext } from './blockParseContext';
import type { BlockNode } from './blockNodes';
import { inlinePlainText } from './inlinePlainText';
import { parseInline } from './parseInline';
import { normalizeReferenceName } from './referenceNames';

export function sectionTitle(title: string, style: string, context: BlockParseContext): BlockNode {
  let level = context.sectionStyles.indexOf(style) + 1;
  if (level === 0) {
    context.sectionStyles.push(style);
    level = context.sectionStyles.length;
  }
  const content = parseInline(title);
  // Like docutils, the title's text without markup names it: `*Install*`_ is not needed.
  return { kind: 'section-title', level, content, name: normalizeReferenceName(inlinePlainText(content)) };
}
