/**
 * The allowlist for pages: written by staff, so broader than the boxes' (tables with captions,
 * definition lists, figures, `details`, anchors with `name`, images with `srcset`), but still
 * without anything that runs: no <script>, <style>, <object>, no `on*` attribute, no `style`
 * (the CSP refuses inline styles anyway), and links only to http(s), mailto and relative
 * addresses. A stolen or careless editor account must not become a script on every visitor's
 * python.org.
 *
 * Two kinds of markup python.org's pages carry are kept, each only in a shape that cannot
 * reach the visitor's python.org session: embedded videos (an <iframe> whose src is an https
 * YouTube or Vimeo player address, sandboxed, with fixed permissions) and donation forms (a
 * <form> posting to PayPal, the PSF's donation provider, with plain inputs). Any other iframe
 * or form is dropped with its content. The CSP's frame-src and form-action name the same hosts
 * (setUpSecurityHeaders), so the browser enforces what this allowlist lets through.
 */
import sanitizeHtml from 'sanitize-html';

const allowedTags = [
  'a', 'abbr', 'acronym', 'address', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'dd', 'del',
  'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark',
  'ol', 'p', 'picture', 'pre', 'q', 's', 'samp', 'small', 'source', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'time', 'tr', 'tt', 'u', 'ul', 'var', 'wbr', 'section', 'article', 'aside', 'header', 'footer', 'nav', 'main',
  'iframe', 'form', 'input', 'button', 'select', 'option', 'label', 'fieldset', 'legend',
];

/** Video players pages may embed: https, the player's own path, a bounded query string. */
export const EMBED_SOURCES: readonly RegExp[] = [
  /^https:\/\/www\.youtube(?:-nocookie)?\.com\/embed\/[\w-]{1,64}(?:\?[\w=&;%.-]{0,200})?$/,
  /^https:\/\/player\.vimeo\.com\/video\/\d{1,12}(?:\?[\w=&;%.-]{0,200})?$/,
];
/** Where a page's form may post: PayPal's donation endpoints, as python.org's donation pages. */
export const FORM_ACTIONS: ReadonlySet<string> = new Set(['https://www.paypal.com/cgi-bin/webscr', 'https://www.paypal.com/donate', 'https://www.paypal.com/donate/']);

const INPUT_TYPES: readonly string[] = ['hidden', 'submit', 'image', 'text', 'number', 'radio', 'checkbox'];

// Scripts inside the player's own origin, and nothing else: no top navigation, no forms, no
// access to python.org (the player's origin is not ours), popups only to open the video site.
const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox';

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
    iframe: ['src', 'width', 'height', 'title', 'sandbox', 'allow', 'allowfullscreen', 'loading', 'referrerpolicy'],
    form: ['action', 'method'],
    input: [
      { name: 'type', multiple: false, values: [...INPUT_TYPES] },
      'name', 'value', 'src', 'alt', 'min', 'max', 'step', 'size', 'maxlength', 'checked', 'placeholder', 'required', 'aria-label',
    ],
    button: [{ name: 'type', multiple: false, values: ['submit', 'button'] }, 'name', 'value'],
    select: ['name', 'required'],
    option: ['value', 'selected'],
    label: ['for'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src', 'srcset'],
  allowProtocolRelative: false,
  // A new tab opened from a page must not be able to navigate python.org's tab.
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: attribs.target ? { ...attribs, rel: 'noopener noreferrer' } : attribs }),
    // The editor chooses the player and its size; the sandbox and permissions are ours.
    iframe: (tagName, attribs) => ({
      tagName,
      attribs: {
        ...pick(attribs, ['src', 'width', 'height', 'title', 'allowfullscreen']),
        sandbox: EMBED_SANDBOX,
        allow: 'encrypted-media; picture-in-picture; fullscreen',
        loading: 'lazy',
        referrerpolicy: 'strict-origin-when-cross-origin',
      },
    }),
    form: (tagName, attribs) => ({ tagName, attribs: { ...pick(attribs, ['action']), method: attribs.method?.toLowerCase() === 'get' ? 'get' : 'post' } }),
    // An input of another type (a password field, a file picker) is not a donation field: it
    // becomes an inert hidden input without a name, rather than a text box asking for it.
    input: (tagName, attribs) => ({ tagName, attribs: attribs.type === undefined || INPUT_TYPES.includes(attribs.type.toLowerCase()) ? attribs : { type: 'hidden' } }),
  },
  // An iframe or form that does not go where the allowlist says is dropped with its content.
  exclusiveFilter: (frame) =>
    (frame.tag === 'iframe' && !EMBED_SOURCES.some((source) => source.test(frame.attribs.src ?? ''))) ||
    (frame.tag === 'form' && !FORM_ACTIONS.has(frame.attribs.action ?? '')),
};

function pick(attribs: Readonly<Record<string, string>>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((name) => (attribs[name] === undefined ? [] : [[name, attribs[name]]])));
}

export function sanitizePageHtml(html: string): string {
  return sanitizeHtml(html, options);
}
