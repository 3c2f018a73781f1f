/**
 * docutils' inline-markup recognition rules, character by character (docutils
 * `utils/punctuation_chars.py`): what may stand before a start-string, what may follow an
 * end-string, and which quote pairs make a start-string "quoted" (so `"*"` stays literal).
 * For ASCII only the listed characters count; beyond ASCII whole Unicode categories do.
 */
const ASCII_OPENERS = '"\'(<[{';
const ASCII_CLOSERS = '"\')>]}';
const ASCII_DELIMITERS = '-/:';
const CLOSING_DELIMITERS = '\\.,;!?';

const UNICODE_OPENERS = /[\p{Ps}\p{Pi}\p{Pf}]/u;
const UNICODE_CLOSERS = /[\p{Pe}\p{Pi}\p{Pf}]/u;
const UNICODE_DELIMITERS = /[\p{Pd}\p{Po}]/u;
const WHITESPACE = /\s/u;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Matching pairs beyond the ASCII ones: the quotation marks editors actually type. */
const QUOTE_PAIRS: Record<string, string> = {
  '"': '"', "'": "'", '(': ')', '<': '>', '[': ']', '{': '}',
  '\u2018': '\u2019', '\u201C': '\u201D', '\u00AB': '\u00BB', '\u00BB': '\u00AB',
  '\u201A': '\u2019', '\u201E': '\u201C', '\u2039': '\u203A',
};

// ASCII answers from tables: these run for every character of every paragraph.
const ASCII_WHITESPACE = asciiTable((char) => WHITESPACE.test(char));
const ASCII_WORD = asciiTable((char) => WORD_CHARACTER.test(char));
const ASCII_ALLOWS_AFTER = asciiTable((char) => ASCII_WHITESPACE[char.charCodeAt(0)] === 1 || ASCII_OPENERS.includes(char) || ASCII_DELIMITERS.includes(char));
const ASCII_ALLOWS_BEFORE = asciiTable((char) => ASCII_WHITESPACE[char.charCodeAt(0)] === 1 || ASCII_CLOSERS.includes(char) || ASCII_DELIMITERS.includes(char) || CLOSING_DELIMITERS.includes(char));

function asciiTable(test: (char: string) => boolean): Uint8Array {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code += 1) table[code] = test(String.fromCharCode(code)) ? 1 : 0;
  return table;
}

export function isWhitespace(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  return code < 128 ? ASCII_WHITESPACE[code] === 1 : WHITESPACE.test(char);
}

/** Letters and digits: docutils' `\w` minus the underscore, which it treats separately. */
export function isWordCharacter(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  return code < 128 ? ASCII_WORD[code] === 1 : WORD_CHARACTER.test(char);
}

function isOpener(char: string): boolean {
  return ASCII_OPENERS.includes(char) || (char > '\x7F' && UNICODE_OPENERS.test(char));
}

function isCloser(char: string): boolean {
  return ASCII_CLOSERS.includes(char) || (char > '\x7F' && UNICODE_CLOSERS.test(char));
}

function isDelimiter(char: string): boolean {
  return ASCII_DELIMITERS.includes(char) || (char > '\x7F' && UNICODE_DELIMITERS.test(char));
}

/** May this character stand right before an inline start-string? */
export function allowsMarkupAfter(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128) return ASCII_ALLOWS_AFTER[code] === 1;
  return isWhitespace(char) || isOpener(char) || isDelimiter(char);
}

/** May this character stand right after an inline end-string? */
export function allowsMarkupBefore(char: string | undefined): boolean {
  if (char === undefined) return true;
  const code = char.charCodeAt(0);
  if (code < 128) return ASCII_ALLOWS_BEFORE[code] === 1;
  return isWhitespace(char) || isCloser(char) || isDelimiter(char) || CLOSING_DELIMITERS.includes(char);
}

/** `(*)` and `"*"`: a start-string between a matching pair is not markup. */
export function isQuotePair(before: string, after: string): boolean {
  return QUOTE_PAIRS[before] === after;
}
