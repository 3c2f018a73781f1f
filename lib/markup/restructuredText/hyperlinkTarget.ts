/**
 * `.. _name: https://...`, `.. _name: other-name_`, `.. _name:` (a target for the next
 * element) and anonymous `.. __: https://...` / `__ https://...` (docutils `hyperlink_target`).
 * A URL may be wrapped over indented lines; the line breaks are dropped.
 */
import type { BlockNode } from './blockNodes';
import { isEscapeMarker, isPlainAt, markEscapes, unescapeRange } from './escapedText';
import { isWhitespace } from './inlineCharacters';
import { normalizeReferenceName } from './referenceNames';
import { SIMPLENAME } from './simplename';

/** Names wrapped over more lines than this are not worth the quadratic search. */
const LONGEST_NAME_LINES = 4;
const ALIAS = new RegExp(`^(?:(${SIMPLENAME})_|\`(?! )(.+?)(?<! )\`_)$`, 'u');
const EMAIL_ADDRESS = /^[^\s@:/<>]+@[^\s@/<>]+$/;
const URI_WITH_SCHEME = /^[a-zA-Z][a-zA-Z0-9.+-]*:/;

/** `lines[0]` is the text after `.. _`; the rest are its continuation lines. */
export function parseHyperlinkTarget(lines: string[]): BlockNode | null {
  let text = '';
  for (let count = 0; count < Math.min(lines.length, LONGEST_NAME_LINES); count += 1) {
    text += count === 0 ? lines[0] : ` ${lines[count].trim()}`;
    const match = matchTargetName(text);
    if (match) return targetNode(match.name, [text.slice(match.end), ...lines.slice(count + 1)]);
  }
  return null;
}

/** `__ https://...`: the anonymous-target shorthand. */
export function anonymousTarget(lines: string[]): BlockNode {
  return targetNode(null, lines);
}

function matchTargetName(text: string): { name: string | null; end: number } | null {
  const anonymous = /^_ ?:( +|$)/.exec(text);
  if (anonymous) return { name: null, end: anonymous[0].length };
  const source = markEscapes(text);
  const quoted = text[0] === '`';
  const nameStart = quoted ? 1 : 0;
  if (text[nameStart] === undefined || text[nameStart] === ' ' || text[nameStart] === '`' || text[0] === '_') return null;
  for (let nameEnd = nameStart + 1; nameEnd <= text.length; nameEnd += 1) {
    const last = text[nameEnd - 1];
    if (isWhitespace(last) || isEscapeMarker(source, nameEnd - 1)) continue;
    let position = nameEnd;
    if (quoted) {
      if (text[position] !== '`') continue;
      position += 1;
    } else if (last === ':' && isPlainAt(source, nameEnd - 1)) {
      continue;
    }
    if (text[position] === ' ') position += 1;
    if (text[position] !== ':') continue;
    position += 1;
    if (position < text.length && text[position] !== ' ') continue;
    return { name: normalizeReferenceName(unescapeRange(source, nameStart, nameEnd)), end: position };
  }
  return null;
}

function targetNode(name: string | null, rest: string[]): BlockNode {
  const words = rest.map((line) => line.trim()).filter((line) => line !== '');
  const joined = words.join(' ');
  if (joined.endsWith('_')) {
    const alias = ALIAS.exec(joined.replace(/\s+/g, ' '));
    if (alias) {
      const aliasText = alias[1] ?? alias[2];
      return { kind: 'hyperlink-target', name, uri: null, aliasName: normalizeReferenceName(unescapeRange(markEscapes(aliasText), 0, aliasText.length)) };
    }
  }
  const compact = words.join('');
  const uri = unescapeRange(markEscapes(compact), 0, compact.length);
  if (uri === '') return { kind: 'hyperlink-target', name, uri: null, aliasName: null };
  const adjusted = EMAIL_ADDRESS.test(uri) && !URI_WITH_SCHEME.test(uri) ? `mailto:${uri}` : uri;
  return { kind: 'hyperlink-target', name, uri: adjusted, aliasName: null };
}
