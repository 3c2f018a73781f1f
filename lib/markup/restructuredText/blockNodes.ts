/** The document tree the block parser builds and the renderer walks. */
import type { InlineNode } from './inlineNodes';

export type ListSequence = 'arabic' | 'loweralpha' | 'upperalpha' | 'lowerroman' | 'upperroman';

export interface TableCell {
  content: BlockNode[];
  columnSpan: number;
  rowSpan: number;
}

export interface TableRow {
  cells: TableCell[];
}

export interface ImageSpec {
  uri: string;
  alt: string | null;
  width: string | null;
  height: string | null;
  linkTarget: string | null;
}

/** A line of a line block, or a run of lines indented further: a nested line block. */
export type LineBlockItem = { kind: 'line'; content: InlineNode[] } | { kind: 'nested'; items: LineBlockItem[] };

export type BlockNode =
  | { kind: 'paragraph'; content: InlineNode[] }
  | { kind: 'section-title'; level: number; content: InlineNode[]; name: string }
  | { kind: 'transition' }
  | { kind: 'bullet-list'; items: BlockNode[][] }
  | { kind: 'enumerated-list'; sequence: ListSequence; start: number; items: BlockNode[][] }
  | { kind: 'definition-list'; items: { term: InlineNode[]; classifiers: InlineNode[][]; definition: BlockNode[] }[] }
  | { kind: 'field-list'; fields: { name: InlineNode[]; body: BlockNode[] }[] }
  /** Preformatted text: `::` blocks, doctest blocks, unknown directives and malformed tables. */
  | { kind: 'literal-block'; text: string; className: string }
  | { kind: 'parsed-literal'; content: InlineNode[] }
  | { kind: 'code-block'; text: string; language: string | null }
  | { kind: 'block-quote'; children: BlockNode[]; attribution: InlineNode[] | null; className: string | null }
  | { kind: 'line-block'; items: LineBlockItem[] }
  | { kind: 'table'; headRows: TableRow[]; bodyRows: TableRow[] }
  | { kind: 'admonition'; className: string; title: InlineNode[]; children: BlockNode[] }
  /** topic, sidebar and container directives: a titled (or untitled) division. */
  | { kind: 'division'; className: string; title: InlineNode[] | null; children: BlockNode[] }
  | { kind: 'rubric'; content: InlineNode[] }
  | { kind: 'image'; image: ImageSpec }
  | { kind: 'figure'; image: ImageSpec; caption: InlineNode[] | null; legend: BlockNode[] }
  | { kind: 'table-of-contents'; title: InlineNode[]; depth: number | null }
  | { kind: 'disabled-directive'; name: string }
  /** `.. _name: uri`, `.. _name: other_`, `.. _name:` (internal) and anonymous `.. __: uri`. */
  | { kind: 'hyperlink-target'; name: string | null; uri: string | null; aliasName: string | null }
  | { kind: 'footnote'; label: string; children: BlockNode[] }
  | { kind: 'citation'; label: string; children: BlockNode[] }
  | { kind: 'substitution-definition'; name: string; replacement: InlineNode[] | null; image: ImageSpec | null };
