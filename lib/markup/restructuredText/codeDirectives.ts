/**
 * `.. code-block:: python` (Sphinx), `.. code:: python` (docutils), `.. sourcecode::`, and
 * `.. parsed-literal::`. Code is shown as `<pre><code class="language-...">` for client-side
 * highlighters; options such as `:linenos:` are accepted and ignored.
 */
import type { DirectiveDefinition } from './directiveDefinition';
import type { DirectiveParts } from './directiveParts';
import { parseInline } from './parseInline';

const LANGUAGE = /^[A-Za-z0-9_+#.-]+$/;

const codeBlock: DirectiveDefinition = {
  takesArguments: true,
  takesOptions: true,
  build: (parts: DirectiveParts) => {
    const language = parts.argument.trim();
    return [{ kind: 'code-block', text: parts.content.join('\n'), language: LANGUAGE.test(language) ? language.toLowerCase() : null }];
  },
};

export const codeDirectives: Record<string, DirectiveDefinition> = {
  code: codeBlock,
  'code-block': codeBlock,
  sourcecode: codeBlock,
  'parsed-literal': {
    takesArguments: false,
    takesOptions: true,
    build: (parts) => [{ kind: 'parsed-literal', content: parseInline(parts.content.join('\n')) }],
  },
};
