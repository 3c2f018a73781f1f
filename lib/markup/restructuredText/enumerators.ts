/**
 * Enumerated-list markers: `1.`, `1)`, `(1)` in arabic, alphabetic or roman numbering, or `#`
 * for automatic numbering. Ambiguous letters (`i`, `v`, `x`...) are read as docutils reads
 * them: in the numbering of the list they continue, else `i`/`I` as roman, else as letters.
 */
import type { ListSequence } from './blockNodes';
import { fromRoman, toRoman } from './romanNumerals';

export type EnumeratorFormat = 'period' | 'rparen' | 'parens';
export type EnumeratorSequence = ListSequence | 'auto';

export interface Enumerator {
  format: EnumeratorFormat;
  sequence: EnumeratorSequence;
  /** null when the marker is not a valid number in its numbering (`IIII.`). */
  ordinal: number | null;
  /** Column where the item's text starts (after the marker and its spaces). */
  textStart: number;
}

const MARKER = /^(?:\(([0-9]+|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+|#)\)|([0-9]+|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+|#)([.)]))( +|$)/;

const SEQUENCE_PATTERNS: [ListSequence, RegExp][] = [
  ['arabic', /^[0-9]+$/],
  ['loweralpha', /^[a-z]$/],
  ['upperalpha', /^[A-Z]$/],
  ['lowerroman', /^[ivxlcdm]+$/],
  ['upperroman', /^[IVXLCDM]+$/],
];

export function parseEnumerator(line: string, expected: ListSequence | null = null): Enumerator | null {
  const match = MARKER.exec(line);
  if (!match) return null;
  const format: EnumeratorFormat = match[1] !== undefined ? 'parens' : match[3] === '.' ? 'period' : 'rparen';
  const text = match[1] ?? match[2];
  const sequence = sequenceOf(text, expected);
  if (sequence === null) return null;
  return { format, sequence, ordinal: ordinalOf(text, sequence), textStart: match[0].length };
}

function sequenceOf(text: string, expected: ListSequence | null): EnumeratorSequence | null {
  if (text === '#') return 'auto';
  const expectedPattern = SEQUENCE_PATTERNS.find(([sequence]) => sequence === expected);
  if (expectedPattern && expectedPattern[1].test(text)) return expectedPattern[0];
  if (text === 'i') return 'lowerroman';
  if (text === 'I') return 'upperroman';
  return SEQUENCE_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}

function ordinalOf(text: string, sequence: EnumeratorSequence): number | null {
  switch (sequence) {
    case 'auto':
      return 1;
    case 'arabic':
      return Number.parseInt(text, 10);
    case 'loweralpha':
    case 'upperalpha':
      return text.toLowerCase().charCodeAt(0) - 96;
    case 'lowerroman':
    case 'upperroman':
      return fromRoman(text.toUpperCase());
  }
}

/** The marker text for `ordinal` in the same numbering and format, as the next item would write it. */
export function enumeratorText(ordinal: number, sequence: EnumeratorSequence, format: EnumeratorFormat): string | null {
  let text: string | null;
  switch (sequence) {
    case 'auto': text = '#'; break;
    case 'arabic': text = String(ordinal); break;
    case 'loweralpha': text = ordinal <= 26 ? String.fromCharCode(96 + ordinal) : null; break;
    case 'upperalpha': text = ordinal <= 26 ? String.fromCharCode(64 + ordinal) : null; break;
    case 'lowerroman': text = toRoman(ordinal)?.toLowerCase() ?? null; break;
    case 'upperroman': text = toRoman(ordinal); break;
  }
  if (text === null) return null;
  return format === 'parens' ? `(${text})` : format === 'rparen' ? `${text})` : `${text}.`;
}
