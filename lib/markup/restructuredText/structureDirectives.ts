/**
 * docutils' body directives that only arrange other content: `topic`, `sidebar`, `rubric`,
 * `container`, `epigraph`/`highlights`/`pull-quote`, `table` (a title over a table) and
 * `contents` (a table of contents built from the section titles).
 */
import { splitAttribution } from './blockQuote';
import type { DirectiveDefinition } from './directiveDefinition';
import { parseInline } from './parseInline';
import { makeHtmlId } from './referenceNames';

const titledDivision = (className: string): DirectiveDefinition => ({
  takesArguments: true,
  takesOptions: true,
  build: (parts, context) => {
    if (parts.argument === '') return null;
    return [{ kind: 'division', className, title: parseInline(parts.argument), children: context.parseNested(parts.content) }];
  },
});

const quotation = (className: string): DirectiveDefinition => ({
  takesArguments: false,
  takesOptions: false,
  build: (parts, context) => {
    const { body, attribution } = splitAttribution(parts.content);
    return [{ kind: 'block-quote', className, children: context.parseNested(body), attribution }];
  },
});

export const structureDirectives: Record<string, DirectiveDefinition> = {
  topic: titledDivision('topic'),
  sidebar: titledDivision('sidebar'),
  rubric: {
    takesArguments: true,
    takesOptions: true,
    build: (parts) => (parts.argument === '' ? null : [{ kind: 'rubric', content: parseInline(parts.argument) }]),
  },
  container: {
    takesArguments: true,
    takesOptions: true,
    build: (parts, context) => {
      const classes = parts.argument.split(/\s+/).map(makeHtmlId).filter((name) => name !== '');
      return [{ kind: 'division', className: ['container', ...classes].join(' '), title: null, children: context.parseNested(parts.content) }];
    },
  },
  epigraph: quotation('epigraph'),
  highlights: quotation('highlights'),
  'pull-quote': quotation('pull-quote'),
  table: {
    takesArguments: true,
    takesOptions: true,
    build: (parts, context) => {
      const table = context.parseNested(parts.content);
      return parts.argument === '' ? table : [{ kind: 'rubric', content: parseInline(parts.argument) }, ...table];
    },
  },
  contents: {
    takesArguments: true,
    takesOptions: true,
    build: (parts) => {
      const depth = Number.parseInt(parts.options.get('depth') ?? '', 10);
      return [{
        kind: 'table-of-contents',
        title: parseInline(parts.argument === '' ? 'Contents' : parts.argument),
        depth: Number.isFinite(depth) && depth > 0 ? depth : null,
      }];
    },
  },
};
