/**
 * The allowlist for pages: written by staff, so broader than the boxes' (tables with captions,
 * definition lists, figures, `details`, anchors with `name`, images with `srcset`), but still
 * without anything that runs: no <script>, <style>, <iframe>, <object>, <form>, no `on*`
 * attribute, no `style` (the CSP refuses inline styles anyway), and links only to http(s),
 * mailto and relative addresses. A stolen or careless editor account must not become a script
 * on every visitor's python.org.
 */
import sanitizeHtml from 'sanitize-html';

const allowedTags = [
  'a', 'abbr', 'acronym', 'address', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'dd', 'del',
  'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark',
  'ol', 'p', 'picture', 'pre', 'q', 's', 'samp', 'small', 'source', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'time', 'tr', 'tt', 'u', 'ul', 'var', 'wbr', 'section', 'article', 'aside', 'header', 'footer', 'nav', 'main',
];

const options: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes: {
    '*': ['class', 'id', 'title', 'lang', 'dir'],
    a: ['href', 'name', 'rel', 'target', 'hreflang'],
    img: ['src', 'srcset', 'alt', 'width', 'height', 'loading'],
    source: ['srcset', 'type', 'media'],
    ol: ['start', 'type', 'reversed'],
    td: ['colspan', 'rowspan', 'headers'],
    th: ['colspan', 'rowspan', 'scope', 'headers'],
    col: ['span'],
    colgroup: ['span'],
    time: ['datetime'],
    details: ['open'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src', 'srcset'],
  allowProtocolRelative: false,
  // A new tab opened from a page must not be able to navigate python.org's tab.
  transformTags: { a: (tagName, attribs) => ({ tagName, attribs: attribs.target ? { ...attribs, rel: 'noopener noreferrer' } : attribs }) },
};

export function sanitizePageHtml(html: string): string {
  return sanitizeHtml(html, options);
}
