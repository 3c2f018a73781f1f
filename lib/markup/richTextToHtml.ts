/**
 * Lexical rich text (as the CMS REST API returns it) to HTML, with Payload's own converter,
 * plus the one custom block: `rawMarkup`, python.org's imported HTML/Markdown/reST.
 *
 * `trusted` is for pages only: written by staff, they get a broader allowlist (sanitizePageHtml)
 * than everything else (sanitizeBoxHtml). Neither lets a script, an `on*` attribute or a
 * `javascript:` link through: python.org itself did not sanitise pages, but an editor's account
 * is not worth every visitor's browser.
 */
import { convertLexicalToHTML, type HTMLConvertersFunction } from '@payloadcms/richtext-lexical/html';
import { markupToHtml } from './markupToHtml';
import { sanitizeBoxHtml } from './sanitizeBoxHtml';
import { sanitizePageHtml } from './sanitizePageHtml';

type LexicalData = Parameters<typeof convertLexicalToHTML>[0]['data'];

const converters: HTMLConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  blocks: {
    rawMarkup: ({ node }: { node: unknown }) => {
      const fields = (node as { fields?: { source?: unknown; markupType?: unknown } }).fields;
      const source = typeof fields?.source === 'string' ? fields.source : '';
      const markupType = typeof fields?.markupType === 'string' ? fields.markupType : 'html';
      return markupToHtml(source, markupType);
    },
  },
});

export function richTextToHtml(value: unknown, options: { trusted: boolean }): string {
  if (!isLexical(value)) return '';
  const html = convertLexicalToHTML({ data: value, converters, disableContainer: true });
  return options.trusted ? sanitizePageHtml(html) : sanitizeBoxHtml(html);
}

function isLexical(value: unknown): value is LexicalData {
  return typeof value === 'object' && value !== null && 'root' in value && typeof value.root === 'object' && value.root !== null;
}
