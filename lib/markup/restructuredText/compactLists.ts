/**
 * docutils leaves out `<p>` where a paragraph stands alone: in "simple" lists (every item one
 * paragraph, perhaps followed by a nested simple list) and as the only content of a list item,
 * definition, field body, table cell or footnote. Rendering the same keeps lists tight.
 */
import type { BlockNode } from './blockNodes';

type ListNode = Extract<BlockNode, { kind: 'bullet-list' | 'enumerated-list' }>;

/** Targets and substitution definitions are invisible: they do not count as item content. */
function isInvisible(node: BlockNode): boolean {
  return node.kind === 'hyperlink-target' || node.kind === 'substitution-definition';
}

function isList(node: BlockNode | undefined): node is ListNode {
  return node !== undefined && (node.kind === 'bullet-list' || node.kind === 'enumerated-list');
}

/** docutils `SimpleListChecker`. */
export function isSimpleList(list: ListNode): boolean {
  return list.items.every((item) => {
    const visible = item.filter((child) => !isInvisible(child));
    let count = visible.length;
    if (visible[0]?.kind === 'paragraph' && isList(visible[visible.length - 1])) count -= 1;
    if (count > 1) return false;
    return visible.every((child) => child.kind === 'paragraph' || (isList(child) && isSimpleList(child)));
  });
}

/** The only visible child, when it is a paragraph: rendered without its `<p>`. */
export function isLoneParagraph(children: BlockNode[]): boolean {
  const visible = children.filter((child) => !isInvisible(child));
  return visible.length === 1 && visible[0].kind === 'paragraph';
}
