/** What every block recogniser receives, and what it returns. */
import type { BlockNode } from './blockNodes';

export interface BlockParseContext {
  /** Parses an indented body (list item, cell, directive content) one level deeper. */
  parseNested(lines: string[]): BlockNode[];
  /** docutils only recognises section titles at the top level of the document, not in bodies. */
  readonly titlesAllowed: boolean;
  /** Title adornment styles in order of first appearance: the index is the section level. */
  readonly sectionStyles: string[];
}

export interface ParsedBlocks {
  nodes: BlockNode[];
  /** Index of the first line not consumed. */
  next: number;
}

/** Recognises a construct starting at `index`, or returns null to let the next one try. */
export type BlockRecogniser = (lines: string[], index: number, context: BlockParseContext) => ParsedBlocks | null;
