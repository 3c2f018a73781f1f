/**
 * The rules markup is rendered by when a document is saved (lib/markup): their version, and the
 * size past which a source is refused.
 *
 * Every document with rendered HTML stores the version it was rendered with
 * (`markupRulesVersion`). Raise MARKUP_RULES_VERSION whenever a change here changes the HTML
 * (a sanitiser's allowlist, the reST parser, marked's options): the `rerenderMarkup` task then
 * finds the documents rendered by older rules and renders them again (docs/markup.md).
 */
export const MARKUP_RULES_VERSION = 1

/**
 * The largest markup source (HTML, Markdown or reST, in UTF-8 bytes) a save accepts. python.org's
 * longest pages are a few hundred kB; the reST parser and marked are linear-ish, so 1 MB keeps a
 * save well under a second.
 */
export const MAX_MARKUP_SOURCE_BYTES = 1_000_000

/**
 * The largest rich-text field (its Lexical JSON, in bytes): a 1 MB raw-markup block and the JSON
 * around it (escaped quotes and line breaks). Below the CMS's 2 MiB limit on a JSON request body
 * (cms/requestLimits), so an editor who passes it reads this limit's message, not a bare 413.
 */
export const MAX_RICH_TEXT_BYTES = 1_500_000

/** The size of a stored source as the limits count it: UTF-8 bytes of a string, of a rich text's JSON. */
export function markupSourceBytes(value: unknown): number {
  if (value === null || value === undefined) return 0
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8')
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8')
}
