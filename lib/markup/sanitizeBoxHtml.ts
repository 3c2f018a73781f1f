/**
 * The allowlist for HTML that is not a page: boxes, release notes, events and success
 * stories (python.org's nh3 allowlist since #3067: common text tags; `class`, `id`, `title`;
 * http, https and mailto links; plus `cite` and `ol` numbering, which rendered
 * reStructuredText uses). Stories come from the public form, so this is the line between a
 * visitor's Markdown and everyone's browser. Pages are trusted and not passed here.
 */
import sanitizeHtml from 'sanitize-html';

const allowedTags = [
  'a', 'abbr', 'acronym', 'b', 'blockquote', 'br', 'cite', 'code', 'dd', 'del', 'div', 'dl', 'dt', 'em',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'ol', 'p', 'pre', 'q',
  's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'u', 'ul', 'var', 'section', 'article', 'aside', 'header', 'footer', 'nav', 'figure', 'figcaption',
];

const options: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes: {
    '*': ['class', 'id', 'title'],
    a: ['href', 'class', 'id', 'title', 'rel'],
    img: ['src', 'alt', 'class', 'id', 'title', 'width', 'height'],
    // reStructuredText's `a.`/`iv.` lists and lists not starting at 1 need these to number right.
    ol: ['start', 'type', 'class', 'id', 'title'],
    td: ['colspan', 'rowspan', 'class'],
    th: ['colspan', 'rowspan', 'scope', 'class'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
};

export function sanitizeBoxHtml(html: string): string {
  return sanitizeHtml(html, options);
}
