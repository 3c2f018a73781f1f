/**
 * `text <https://example.org>`_ and `text <other-target_>`_: the target written inside a
 * phrase reference (docutils `embedded_link`). The `<` must start the phrase or follow
 * whitespace, and no unescaped angle bracket may sit between it and the final `>`.
 */
import { isPlainAt, unescapeRange, type EscapedText } from './escapedText';
import { isWhitespace } from './inlineCharacters';

export type EmbeddedTarget = { kind: 'uri'; uri: string } | { kind: 'name'; name: string };

export interface EmbeddedLink {
  /** End of the link text (before the whitespace preceding `<`). */
  textEnd: number;
  target: EmbeddedTarget;
  /** The target as written, for a phrase with no text of its own. */
  targetText: string;
}

const URI_WITH_SCHEME = /^[a-zA-Z][a-zA-Z0-9.+-]*:/;
const EMAIL_ADDRESS = /^[^\s@:/<>]+@[^\s@/<>]+$/;

export function findEmbeddedLink(source: EscapedText, from: number, to: number): EmbeddedLink | null {
  const { text } = source;
  const close = to - 1;
  if (close <= from || text[close] !== '>' || !isPlainAt(source, close)) return null;
  if (isWhitespace(text[close - 1])) return null;
  let open = close - 1;
  while (open >= from && !((text[open] === '<' || text[open] === '>') && isPlainAt(source, open))) open -= 1;
  if (open < from || text[open] !== '<') return null;
  if (open + 1 >= close || isWhitespace(text[open + 1])) return null;
  if (open > from && text[open - 1] !== ' ' && text[open - 1] !== '\n') return null;
  let textEnd = open;
  while (textEnd > from && (text[textEnd - 1] === ' ' || text[textEnd - 1] === '\n')) textEnd -= 1;
  const inner = text.slice(open + 1, close);
  const endsWithPlainUnderscore = text[close - 1] === '_' && isPlainAt(source, close - 1);
  if (endsWithPlainUnderscore && !URI_WITH_SCHEME.test(inner) && !EMAIL_ADDRESS.test(inner)) {
    const name = unescapeRange(source, open + 1, close - 1);
    return { textEnd, target: { kind: 'name', name }, targetText: name };
  }
  const uri = withoutWhitespace(unescapeRange(source, open + 1, close));
  const adjusted = EMAIL_ADDRESS.test(uri) && !URI_WITH_SCHEME.test(uri) ? `mailto:${uri}` : uri;
  return { textEnd, target: { kind: 'uri', uri: adjusted }, targetText: uri };
}

/** Long URLs may be wrapped over lines inside the brackets; the breaks are not part of them. */
function withoutWhitespace(uri: string): string {
  return uri.replace(/\s+/g, '');
}
