/** How one directive reads its block and what it turns into. */
import type { BlockParseContext } from './blockParseContext';
import type { BlockNode } from './blockNodes';
import type { DirectiveParts, DirectiveSyntax } from './directiveParts';

export interface DirectiveDefinition extends DirectiveSyntax {
  /** Returns null when the block does not fit the directive: it is then shown as source. */
  build(parts: DirectiveParts, context: BlockParseContext, name: string): BlockNode[] | null;
}
