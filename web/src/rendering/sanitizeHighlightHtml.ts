/**
 * Search titles and snippets arrive from the CMS as escaped text with <mark> around the words
 * that matched. The renderer does not take the CMS's word for it: everything but <mark> (and
 * its text) is dropped, with no attributes, before the template prints it unescaped.
 */
import sanitizeHtml from 'sanitize-html';

const options: sanitizeHtml.IOptions = { allowedTags: ['mark'], allowedAttributes: {}, disallowedTagsMode: 'discard' };

export function sanitizeHighlightHtml(html: string): string {
  return sanitizeHtml(html, options);
}
