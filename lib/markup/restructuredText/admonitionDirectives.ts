/**
 * `.. note::` and its siblings, Sphinx's `.. seealso::`, and `.. admonition:: Title`: a box
 * with a title paragraph, as docutils renders them (`div.admonition` + `p.admonition-title`).
 */
import type { DirectiveDefinition } from './directiveDefinition';
import { parseInline } from './parseInline';
import { makeHtmlId } from './referenceNames';

const TITLES: Record<string, string> = {
  attention: 'Attention!',
  caution: 'Caution!',
  danger: '!DANGER!',
  error: 'Error',
  hint: 'Hint',
  important: 'Important',
  note: 'Note',
  tip: 'Tip',
  warning: 'Warning',
  seealso: 'See also',
};

const titledAdmonition = (title: string): DirectiveDefinition => ({
  takesArguments: false,
  takesOptions: true,
  build: (parts, context, name) => [{ kind: 'admonition', className: name, title: [{ kind: 'text', text: title }], children: context.parseNested(parts.content) }],
});

export const admonitionDirectives: Record<string, DirectiveDefinition> = {
  ...Object.fromEntries(Object.entries(TITLES).map(([name, title]) => [name, titledAdmonition(title)])),
  admonition: {
    takesArguments: true,
    takesOptions: true,
    build: (parts, context) => {
      if (parts.argument === '') return null;
      const className = makeHtmlId(parts.argument);
      return [{
        kind: 'admonition',
        className: className === '' ? 'admonition' : `admonition-${className}`,
        title: parseInline(parts.argument),
        children: context.parseNested(parts.content),
      }];
    },
  },
};
