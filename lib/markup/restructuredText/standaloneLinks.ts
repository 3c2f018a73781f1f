/**
 * Standalone URLs and e-mail addresses in running text become links, as docutils' "implicit"
 * inline markup does. Only http, https and mailto are recognised: other schemes stay text.
 * A URL may not end in punctuation (`see https://python.org.` links without the dot).
 */
import { isPlainAt, unescapeRange, type EscapedText } from './escapedText';
import type { InlineNode } from './inlineNodes';
import { allowsMarkupAfter, allowsMarkupBefore } from './inlineCharacters';

const LINKED_SCHEMES = ['https:', 'http:', 'mailto:'];
const URI_CHARACTER = /[-_.!~*'()[\];/:@&=+$,%a-zA-Z0-9?#]/;
const URI_LAST_CHARACTER = /[_~*/=+a-zA-Z0-9]/;
const EMAIL_CHARACTER = /[-_!~*'{|}/#?^`&=+$%a-zA-Z0-9]/;
/** Longer runs are not URLs anyone wrote; the cap keeps backtracking bounded. */
const LONGEST_LINK = 2048;

interface FoundLink {
  start: number;
  end: number;
  uri: string;
}

export function linkStandaloneUrls(source: EscapedText, from: number, to: number): InlineNode[] {
  const nodes: InlineNode[] = [];
  let textStart = from;
  let position = from;
  const pushText = (end: number) => {
    if (end > textStart) nodes.push({ kind: 'text', text: unescapeRange(source, textStart, end) });
  };
  while (position < to) {
    const link = findLinkAt(source, position, textStart, to);
    if (!link) {
      position += 1;
      continue;
    }
    pushText(link.start);
    nodes.push({ kind: 'standalone-link', text: source.text.slice(link.start, link.end), uri: link.uri });
    position = link.end;
    textStart = link.end;
  }
  pushText(to);
  return nodes;
}

function findLinkAt(source: EscapedText, position: number, textStart: number, limit: number): FoundLink | null {
  const char = source.text[position];
  if (char === '@') return emailAround(source, position, textStart, limit);
  if (char !== 'h' && char !== 'H' && char !== 'm' && char !== 'M') return null;
  if (!startsText(source, position, textStart)) return null;
  const lower = source.text.slice(position, position + 7).toLowerCase();
  const scheme = LINKED_SCHEMES.find((candidate) => lower.startsWith(candidate));
  if (!scheme) return null;
  const end = linkEnd(source, position + scheme.length, limit, URI_CHARACTER);
  if (end === null) return null;
  return { start: position, end, uri: source.text.slice(position, end) };
}

function startsText(source: EscapedText, position: number, textStart: number): boolean {
  if (!isPlainAt(source, position)) return false;
  return position === textStart || allowsMarkupAfter(source.text[position - 1]);
}

/**
 * The longest run of allowed characters from `start`, shortened until it ends in a character
 * a URL may end with and is followed by something inline markup may be followed by.
 */
function linkEnd(source: EscapedText, start: number, limit: number, allowed: RegExp): number | null {
  const ceiling = Math.min(limit, start + LONGEST_LINK);
  let end = start;
  while (end < ceiling && isPlainAt(source, end) && allowed.test(source.text[end])) end += 1;
  for (let candidate = end; candidate > start; candidate -= 1) {
    const last = source.text[candidate - 1];
    const next = candidate < limit ? source.text[candidate] : undefined;
    const endsWell = URI_LAST_CHARACTER.test(last) || next === '>';
    if (endsWell && allowsMarkupBefore(next)) return candidate;
  }
  return null;
}

/** name@host: found from the `@`, so scanning stays linear however long the text. */
function emailAround(source: EscapedText, at: number, textStart: number, limit: number): FoundLink | null {
  if (!isPlainAt(source, at)) return null;
  let start = at;
  while (start > textStart && isPlainAt(source, start - 1) && isLocalPartCharacter(source.text[start - 1])) start -= 1;
  while (start < at && (source.text[start] === '.' || !startsText(source, start, textStart))) start += 1;
  if (start === at || source.text.slice(start, at).includes('..')) return null;
  const end = linkEnd(source, at + 1, limit, /[-_!~*'{|}/#?^`&=+$%a-zA-Z0-9.]/);
  if (end === null || !EMAIL_CHARACTER.test(source.text[at + 1] ?? '')) return null;
  const address = unescapeRange(source, start, end);
  return { start, end, uri: `mailto:${address}` };
}

function isLocalPartCharacter(char: string): boolean {
  return char === '.' || EMAIL_CHARACTER.test(char);
}
