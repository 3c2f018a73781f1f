/** Visits every block and every run of inline nodes of a document, in document order. */
import type { BlockNode, LineBlockItem, TableRow } from './blockNodes';
import type { InlineNode } from './inlineNodes';

export interface DocumentVisitor {
  block(node: BlockNode): void;
  inline(node: InlineNode): void;
}

export function walkDocument(nodes: BlockNode[], visitor: DocumentVisitor): void {
  for (const node of nodes) walkBlock(node, visitor);
}

function walkInline(nodes: InlineNode[] | null, visitor: DocumentVisitor): void {
  if (nodes) for (const node of nodes) visitor.inline(node);
}

function walkRows(rows: TableRow[], visitor: DocumentVisitor): void {
  for (const row of rows) for (const cell of row.cells) walkDocument(cell.content, visitor);
}

function walkLines(items: LineBlockItem[], visitor: DocumentVisitor): void {
  for (const item of items) {
    if (item.kind === 'line') walkInline(item.content, visitor);
    else walkLines(item.items, visitor);
  }
}

function walkBlock(node: BlockNode, visitor: DocumentVisitor): void {
  visitor.block(node);
  switch (node.kind) {
    case 'paragraph':
    case 'section-title':
    case 'rubric':
    case 'parsed-literal':
      walkInline(node.content, visitor);
      return;
    case 'bullet-list':
    case 'enumerated-list':
      for (const item of node.items) walkDocument(item, visitor);
      return;
    case 'definition-list':
      for (const item of node.items) {
        walkInline(item.term, visitor);
        for (const classifier of item.classifiers) walkInline(classifier, visitor);
        walkDocument(item.definition, visitor);
      }
      return;
    case 'field-list':
      for (const field of node.fields) {
        walkInline(field.name, visitor);
        walkDocument(field.body, visitor);
      }
      return;
    case 'block-quote':
      walkDocument(node.children, visitor);
      walkInline(node.attribution, visitor);
      return;
    case 'line-block':
      walkLines(node.items, visitor);
      return;
    case 'table':
      walkRows(node.headRows, visitor);
      walkRows(node.bodyRows, visitor);
      return;
    case 'admonition':
      walkInline(node.title, visitor);
      walkDocument(node.children, visitor);
      return;
    case 'division':
      walkInline(node.title, visitor);
      walkDocument(node.children, visitor);
      return;
    case 'figure':
      walkInline(node.caption, visitor);
      walkDocument(node.legend, visitor);
      return;
    case 'footnote':
    case 'citation':
      walkDocument(node.children, visitor);
      return;
    case 'table-of-contents':
      walkInline(node.title, visitor);
      return;
    case 'substitution-definition':
      walkInline(node.replacement, visitor);
      return;
    case 'transition':
    case 'literal-block':
    case 'code-block':
    case 'image':
    case 'disabled-directive':
    case 'hyperlink-target':
      return;
  }
}
