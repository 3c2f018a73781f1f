/**
 * The directives this renderer knows, and what happens to the others:
 * - `raw` and `include` are disabled, as on python.org: a short note, never their content;
 * - directives that only configure docutils or Sphinx (`meta`, `highlight`...) render nothing;
 * - any other directive is shown as its source text in a `pre`, never interpreted as HTML.
 */
import type { BlockParseContext } from './blockParseContext';
import type { BlockNode } from './blockNodes';
import { admonitionDirectives } from './admonitionDirectives';
import { codeDirectives } from './codeDirectives';
import type { DirectiveDefinition } from './directiveDefinition';
import { splitDirectiveBlock } from './directiveParts';
import { imageDirectives, imageSpec } from './imageDirectives';
import { listTableDirective } from './listTableDirective';
import { parseInline } from './parseInline';
import { structureDirectives } from './structureDirectives';

const DEFINITIONS: Record<string, DirectiveDefinition> = {
  ...admonitionDirectives,
  ...imageDirectives,
  ...codeDirectives,
  ...structureDirectives,
  'list-table': listTableDirective,
};

const DISABLED = new Set(['raw', 'include']);
const SILENT = new Set(['meta', 'title', 'class', 'role', 'default-role', 'sectnum', 'section-numbering', 'highlight', 'index', 'header', 'footer', 'target-notes']);

/** `block[0]` is the text after `name::`; `source` is the directive as written. */
export function buildDirective(name: string, block: string[], source: string[], context: BlockParseContext): BlockNode[] {
  if (DISABLED.has(name)) return [{ kind: 'disabled-directive', name }];
  if (SILENT.has(name)) return [];
  const definition = Object.hasOwn(DEFINITIONS, name) ? DEFINITIONS[name] : undefined;
  const built = definition ? definition.build(splitDirectiveBlock(block, definition), context, name) : null;
  return built ?? [{ kind: 'literal-block', text: source.join('\n'), className: 'rst-unknown-directive' }];
}

/** `.. |name| replace:: text` and `.. |name| image:: url`; other kinds define nothing. */
export function buildSubstitutionDefinition(name: string, directive: string, block: string[]): BlockNode[] {
  if (directive === 'replace') {
    const parts = splitDirectiveBlock(block, { takesArguments: false, takesOptions: false });
    return [{ kind: 'substitution-definition', name, replacement: parseInline(parts.content.join('\n')), image: null }];
  }
  if (directive === 'image') {
    const image = imageSpec(splitDirectiveBlock(block, { takesArguments: true, takesOptions: true }));
    return image ? [{ kind: 'substitution-definition', name, replacement: null, image }] : [];
  }
  return [];
}
