/**
 * The allowlist for a visitor's profile bio (Markdown rendered to HTML): anyone can write one,
 * so it is the narrowest of the site's sanitisers: paragraphs, emphasis, code, lists, quotes and
 * links (http(s) and mailto only, marked `nofollow ugc`), no images, headings, tables or anything
 * that runs.
 */
import sanitizeHtml from 'sanitize-html';

const options: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'a', 'del', 's', 'hr'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc' }) },
};

export function sanitizeBioHtml(html: string): string {
  return sanitizeHtml(html, options);
}
