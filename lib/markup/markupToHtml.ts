/**
 * Raw markup as python.org stores it (HTML, Markdown or reStructuredText) turned into HTML.
 * HTML passes as is; callers sanitise where the source is not trusted. reStructuredText is
 * rendered by our own parser (docutils' constructs, with `raw` and `include` disabled as on
 * python.org); its output escapes everything it does not produce itself, so it is safe even
 * where callers do not sanitise.
 */
import { marked } from 'marked';
import { renderRestructuredText } from './restructuredText/renderRestructuredText';

export type MarkupType = 'html' | 'markdown' | 'restructuredtext' | string;

export function markupToHtml(source: string, markupType: MarkupType): string {
  if (markupType === 'markdown') return marked.parse(source, { async: false, gfm: true });
  if (markupType === 'restructuredtext') return renderRestructuredText(source);
  return source;
}
