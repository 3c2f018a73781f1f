/**
 * Backslash escapes, tracked beside the text instead of rewriting it (docutils swaps them for
 * NUL characters): recognition needs to know which characters were escaped, inline literals
 * need the original backslashes back, and everything else needs them gone.
 */
const PLAIN = 0;
/** The backslash that escapes the next character. */
const ESCAPE_MARKER = 1;
/** A character preceded by an escaping backslash. */
const ESCAPED = 2;

export interface EscapedText {
  text: string;
  /** null when the text has no backslash at all: the common case, and no allocation. */
  flags: Uint8Array | null;
}

export function markEscapes(text: string): EscapedText {
  if (!text.includes('\\')) return { text, flags: null };
  const flags = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] !== '\\') continue;
    flags[index] = ESCAPE_MARKER;
    if (index + 1 < text.length) flags[index + 1] = ESCAPED;
    index += 1;
  }
  return { text, flags };
}

export function isEscapeMarker(source: EscapedText, index: number): boolean {
  return source.flags !== null && source.flags[index] === ESCAPE_MARKER;
}

export function isEscaped(source: EscapedText, index: number): boolean {
  return source.flags !== null && source.flags[index] === ESCAPED;
}

/** An unescaped character: neither an escaping backslash nor escaped by one. */
export function isPlainAt(source: EscapedText, index: number): boolean {
  return index >= 0 && index < source.text.length && (source.flags === null || source.flags[index] === PLAIN);
}

/** The text with escaping backslashes removed; an escaped space or newline disappears entirely. */
export function unescapeRange(source: EscapedText, from: number, to: number): string {
  const { flags } = source;
  if (flags === null) return source.text.slice(from, to);
  let result = '';
  let runStart = from;
  for (let index = from; index < to; index += 1) {
    const flag = flags[index];
    const dropped = flag === ESCAPE_MARKER || (flag === ESCAPED && (source.text[index] === ' ' || source.text[index] === '\n'));
    if (!dropped) continue;
    result += source.text.slice(runStart, index);
    runStart = index + 1;
  }
  return result + source.text.slice(runStart, to);
}
