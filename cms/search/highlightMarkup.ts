/**
 * Highlights travel from the backends as two private-use characters around each match (never
 * HTML: the indexed text is plain and may contain `<`); they become <mark> only after the text
 * is escaped, so a hit's title and snippet are safe HTML whose only element is <mark>.
 */
export const HIGHLIGHT_START = '\uE000'
export const HIGHLIGHT_END = '\uE001'

const HIGHLIGHT_MARKERS = /[\uE000\uE001]/g

/** Indexed text must not contain the markers itself. */
export function withoutHighlightMarkers(text: string): string {
  return text.replace(HIGHLIGHT_MARKERS, '')
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function highlightedHtml(marked: string): string {
  let open = false
  let html = ''
  for (const part of marked.split(/([\uE000\uE001])/)) {
    if (part === HIGHLIGHT_START) {
      if (!open) html += '<mark>'
      open = true
    } else if (part === HIGHLIGHT_END) {
      if (open) html += '</mark>'
      open = false
    } else {
      html += part.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character)
    }
  }
  return open ? `${html}</mark>` : html
}
