/**
 * Reads rendered HTML with a real parser (htmlparser2, the one sanitize-html itself uses) and
 * lists everything in it that could run: a <script> other than the layout's own same-origin
 * files, an `on*` attribute, a `javascript:`/`vbscript:`/`data:text/html` URL in any attribute
 * that takes a URL, and the elements that load or redirect to active content.
 */
import { Parser } from 'htmlparser2'

/** The scripts the layout itself loads: same-origin files only. */
export const LAYOUT_SCRIPTS = new Set(['/static/js/site.js', '/static/js/account.js'])

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'srcset', 'poster', 'background', 'xlink:href', 'codebase', 'cite', 'longdesc', 'usemap', 'lowsrc', 'dynsrc', 'ping'])
const ACTIVE_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal'])
// eslint-disable-next-line no-control-regex -- browsers drop these before reading the scheme
const IGNORED_IN_SCHEMES = /[\u0000-\u0020\u007f]/g

function isActiveUrl(value: string): boolean {
  const compact = value.replace(IGNORED_IN_SCHEMES, '').toLowerCase()
  return compact.startsWith('javascript:') || compact.startsWith('vbscript:') || compact.startsWith('data:text/html') || compact.includes(',javascript:')
}

export function findActiveContent(html: string): string[] {
  const problems: string[] = []
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'script') {
          const src = attributes.src
          if (src === undefined || !LAYOUT_SCRIPTS.has(src)) problems.push(`<script${src === undefined ? '' : ` src="${src}"`}>`)
        }
        if (ACTIVE_ELEMENTS.has(name)) problems.push(`<${name}>`)
        if (name === 'meta' && (attributes['http-equiv'] ?? '').toLowerCase() === 'refresh') problems.push('<meta http-equiv="refresh">')
        for (const [attribute, value] of Object.entries(attributes)) {
          if (attribute.startsWith('on')) problems.push(`<${name} ${attribute}="${value.slice(0, 60)}">`)
          if (attribute === 'srcdoc') problems.push(`<${name} srcdoc>`)
          if (URL_ATTRIBUTES.has(attribute) && isActiveUrl(value)) problems.push(`<${name} ${attribute}="${value.slice(0, 60)}">`)
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true, lowerCaseTags: true },
  )
  parser.write(html)
  parser.end()
  return problems
}
