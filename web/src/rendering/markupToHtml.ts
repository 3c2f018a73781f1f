/**
 * Raw markup as python.org stores it (HTML, Markdown or reStructuredText) turned into HTML.
 * HTML passes as is; callers sanitise where the source is not trusted. There is no
 * reStructuredText renderer in Node, so reST is shown as preformatted text: readable and
 * safe, rather than silently dropped.
 */
import { marked } from 'marked';

export type MarkupType = 'html' | 'markdown' | 'restructuredtext' | string;

export function markupToHtml(source: string, markupType: MarkupType): string {
  if (markupType === 'markdown') return marked.parse(source, { async: false, gfm: true });
  if (markupType === 'restructuredtext') return `<pre class="rst-source">${escapeText(source)}</pre>`;
  return source;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
