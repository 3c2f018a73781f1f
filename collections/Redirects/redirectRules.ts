/**
 * How a redirect record matches a path, shared by the collection's validation and (as a type
 * only) by the renderer. No editor-supplied regular expression: a rule is an exact path, a
 * prefix, or a pattern of literal segments and named placeholders, so matching is a linear
 * comparison of segments that cannot backtrack.
 */

export const redirectMatchKinds = ['exact', 'prefix', 'pattern'] as const
export type RedirectMatchKind = (typeof redirectMatchKinds)[number]

/** Placeholders a pattern's segments may be; each matches one whole path segment. */
export const patternPlaceholders = {
  /** A Python version such as 3.12.0 or 3.13.0rc2 (three numbers, optional pre-release tag). */
  '{version}': /^\d{1,3}\.\d{1,3}\.\d{1,3}(?:(?:a|b|rc)\d{1,3})?$/,
  /** Any one segment of letters, digits, dot, dash and underscore. */
  '{segment}': /^[\w.-]{1,200}$/,
} as const

/** What a pattern's target may use: the placeholders above, and the version without its dots. */
export const targetPlaceholders = ['{version}', '{version_nodots}', '{segment}'] as const

/** null when `from` is a valid pattern; else why not. */
export function patternProblem(from: string): string | null {
  const segments = from.split('/')
  const placeholders = segments.filter((segment) => segment.includes('{'))
  if (placeholders.length === 0) return 'A pattern needs a placeholder segment: {version} or {segment}.'
  for (const segment of placeholders) {
    if (!(segment in patternPlaceholders)) return `"${segment}" is not a placeholder; a segment is either literal or exactly {version} or {segment}.`
  }
  if (new Set(placeholders).size !== placeholders.length) return 'Each placeholder may appear once.'
  return null
}
