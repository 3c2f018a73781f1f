/**
 * Inline markup as parsed, before references are resolved. Texts are already unescaped
 * (backslashes removed) except `literal` ones, which keep their backslashes as docutils does.
 */
export type ReferenceTarget =
  | { kind: 'uri'; uri: string }
  /** `text`_ or word_: resolved against the document's targets by normalised name. */
  | { kind: 'name'; name: string }
  /** `text`__: the next anonymous target in document order. */
  | { kind: 'anonymous' };

export type InlineNode =
  | { kind: 'text'; text: string }
  | { kind: 'emphasis'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'literal'; text: string }
  /** Default-role interpreted text (`text` with no role): a title reference in docutils. */
  | { kind: 'title-reference'; text: string }
  | { kind: 'role'; role: string; text: string; rawText: string; source: string }
  /** `definesName`: a named reference with an embedded target also defines that name. */
  | { kind: 'reference'; text: string; target: ReferenceTarget; definesName: string | null }
  /** A standalone URL or e-mail address found in running text. */
  | { kind: 'standalone-link'; text: string; uri: string }
  /** _`text`: an inline internal target. */
  | { kind: 'inline-target'; text: string; name: string }
  | { kind: 'substitution-reference'; name: string; source: string; referenceSuffix: '' | '_' | '__' }
  | { kind: 'footnote-reference'; label: string; source: string };
