import sanitizeHtml from 'sanitize-html'

/**
 * python.org's nh3 allowlist for imported markup: common text tags; `class`, `id` and `title`
 * attributes; links to http, https and mailto only. No style, script, iframe or form.
 */
const ALLOWED_TAGS = ['a', 'abbr', 'b', 'blockquote', 'br', 'code', 'dd', 'dl', 'dt', 'em', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'li', 'ol', 'p', 'pre', 'span', 'strong', 'sub', 'sup', 'u', 'ul']

const LOOKS_LIKE_HTML = /<\/?[a-z][a-z0-9]*(\s[^>]*)?>/i

/**
 * An iCal DESCRIPTION as safe HTML. Google calendars send either HTML or plain text with line
 * breaks: HTML is sanitized, plain text escaped with its line breaks kept.
 */
export function feedDescriptionHtml(description: string): string {
  const text = description.trim()
  if (text === '') return ''
  if (!LOOKS_LIKE_HTML.test(text)) {
    return `<p>${escapeText(text).replace(/\r?\n/g, '<br>')}</p>`
  }
  return sanitizeHtml(text, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { '*': ['class', 'id', 'title'], a: ['href', 'class', 'id', 'title'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
  }).trim()
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
