/**
 * How each kind of stored source becomes the HTML the site shows: the same markup renderer and
 * sanitiser per field as the renderer applied before it moved to save time (issue 16). The
 * collections name one of these per rendered field (collections/fields/renderedMarkup.ts).
 */
import { markupToHtml } from './markupToHtml'
import { richTextToHtml } from './richTextToHtml'
import { sanitizeBioHtml } from './sanitizeBioHtml'
import { sanitizeBoxHtml } from './sanitizeBoxHtml'

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

/** A page's or minutes' rich text: written by staff, the pages' broader allowlist. */
export function trustedRichTextHtml(value: unknown): string {
  return richTextToHtml(value, { trusted: true })
}

/** Rich text that is not a page (releases, events, success stories): the boxes' allowlist. */
export function untrustedRichTextHtml(value: unknown): string {
  return richTextToHtml(value, { trusted: false })
}

/** A box: its markup in its markup type, through the boxes' allowlist. */
export function boxHtml(source: unknown, markupType: unknown): string {
  return sanitizeBoxHtml(markupToHtml(text(source), typeof markupType === 'string' ? markupType : 'html'))
}

/** Markdown written by visitors and staff (job postings, elections, nominations); blank stays blank. */
export function markdownHtml(source: unknown): string {
  const markdown = text(source)
  return markdown.trim() === '' ? '' : sanitizeBoxHtml(markupToHtml(markdown, 'markdown'))
}

/** A profile bio: Markdown through the narrowest allowlist. */
export function bioHtml(source: unknown): string {
  return sanitizeBioHtml(markupToHtml(text(source), 'markdown'))
}

/** A home page code sample's copy (HTML); its own <h1> would compete with the page's heading, so one level down. */
export function codeSampleCopyHtml(source: unknown): string {
  return sanitizeBoxHtml(text(source)).replace(/<(\/?)h1\b/g, '<$1h2')
}
