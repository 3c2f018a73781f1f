/** The text of inline nodes without their markup: for ids and table-of-contents entries. */
import type { InlineNode } from './inlineNodes';

export function inlinePlainText(nodes: InlineNode[]): string {
  return nodes.map((node) => ('text' in node ? node.text : node.kind === 'footnote-reference' ? '' : node.source)).join('');
}
