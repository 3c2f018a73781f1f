/**
 * Finding the end-string of inline markup. docutils searches the rest of the paragraph with a
 * regex for every start-string; here the valid end positions of each kind are listed once per
 * paragraph and found by binary search, so a paragraph of 50,000 `*` cannot go quadratic.
 */
import { isEscaped, isPlainAt, type EscapedText } from './escapedText';
import { allowsMarkupBefore, isWhitespace } from './inlineCharacters';
import type { SimplenameRuns } from './simplenameRuns';

export type EndStringKind = 'emphasis' | 'strong' | 'literal' | 'inline-target' | 'substitution' | 'interpreted';

export interface EndStringMatch {
  /** Position of the end-string: the content ends here. */
  start: number;
  /** Position after the end-string and its suffix (role, `_`, `__`). */
  end: number;
  /** For interpreted text: a role written after the text (`text`:role:). */
  role: string | null;
  /** `_` or `__` after interpreted text or a substitution reference. */
  referenceSuffix: '' | '_' | '__';
}

export class InlineEndStrings {
  private readonly candidates = new Map<EndStringKind, EndStringMatch[]>();

  constructor(private readonly source: EscapedText, private readonly names: SimplenameRuns) {}

  /**
   * The first end-string after content starting at `contentStart`, or null. As in docutils, an
   * end-string right at `contentStart` (empty content) fails the construct instead of being skipped.
   */
  findAfter(kind: EndStringKind, contentStart: number): EndStringMatch | null {
    if (this.matchAt(kind, contentStart, false)) return null;
    const list = this.candidatesOf(kind);
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (list[middle].start <= contentStart) low = middle + 1;
      else high = middle;
    }
    return list[low] ?? null;
  }

  private candidatesOf(kind: EndStringKind): EndStringMatch[] {
    let list = this.candidates.get(kind);
    if (list) return list;
    list = [];
    for (let index = 1; index < this.source.text.length; index += 1) {
      const match = this.matchAt(kind, index, true);
      if (match) list.push(match);
    }
    this.candidates.set(kind, list);
    return list;
  }

  private matchAt(kind: EndStringKind, index: number, checkCharacterBefore: boolean): EndStringMatch | null {
    const { text } = this.source;
    const before = text[index - 1];
    switch (kind) {
      case 'emphasis':
        if (text[index] !== '*' || !isPlainAt(this.source, index)) return null;
        if (checkCharacterBefore && isWhitespace(before)) return null;
        return this.withSuffixCheck(index, index + 1);
      case 'strong':
        if (text[index] !== '*' || text[index + 1] !== '*' || !isPlainAt(this.source, index)) return null;
        if (checkCharacterBefore && isWhitespace(before)) return null;
        return this.withSuffixCheck(index, index + 2);
      case 'literal':
        // Backslashes mean nothing inside a literal, so an escaped-looking end still ends it.
        if (text[index] !== '`' || text[index + 1] !== '`') return null;
        if (checkCharacterBefore && isWhitespace(before)) return null;
        return this.withSuffixCheck(index, index + 2);
      case 'inline-target':
        if (text[index] !== '`' || !isPlainAt(this.source, index)) return null;
        if (checkCharacterBefore && isWhitespace(before)) return null;
        return this.withSuffixCheck(index, index + 1);
      case 'substitution':
        return this.substitutionEndAt(index, checkCharacterBefore);
      case 'interpreted':
        return this.interpretedEndAt(index, checkCharacterBefore);
    }
  }

  private withSuffixCheck(start: number, end: number): EndStringMatch | null {
    if (!allowsMarkupBefore(this.source.text[end])) return null;
    return { start, end, role: null, referenceSuffix: '' };
  }

  private substitutionEndAt(index: number, checkCharacterBefore: boolean): EndStringMatch | null {
    const { text } = this.source;
    if (text[index] !== '|' || !isPlainAt(this.source, index)) return null;
    if (checkCharacterBefore && isWhitespace(text[index - 1])) return null;
    for (const suffix of ['__', '_', ''] as const) {
      const end = index + 1 + suffix.length;
      if (text.slice(index + 1, end) !== suffix || !this.allPlain(index + 1, end)) continue;
      if (allowsMarkupBefore(text[end])) return { start: index, end, role: null, referenceSuffix: suffix };
    }
    return null;
  }

  /** `text`, `text`_, `text`__, `text`:role: — tried in the order docutils' regex backtracks. */
  private interpretedEndAt(index: number, checkCharacterBefore: boolean): EndStringMatch | null {
    const { text } = this.source;
    if (text[index] !== '`' || isEscaped(this.source, index)) return null;
    // Escaped whitespace may precede the end-string here (docutils `non_unescaped_whitespace_escape_before`).
    if (checkCharacterBefore && isWhitespace(text[index - 1]) && !isEscaped(this.source, index - 1)) return null;
    const afterBackquote = index + 1;
    const roleEnd = this.roleSuffixEnd(afterBackquote);
    const roleStarts = roleEnd === null ? [afterBackquote] : [roleEnd, afterBackquote];
    for (const suffixStart of roleStarts) {
      const role = suffixStart === afterBackquote ? null : text.slice(afterBackquote + 1, suffixStart - 1);
      for (const referenceSuffix of ['__', '_', ''] as const) {
        const end = suffixStart + referenceSuffix.length;
        if (text.slice(suffixStart, end) !== referenceSuffix || !this.allPlain(suffixStart, end)) continue;
        if (allowsMarkupBefore(text[end])) return { start: index, end, role, referenceSuffix };
      }
    }
    return null;
  }

  /** End of a `:role:` written right after the closing backquote, or null. */
  private roleSuffixEnd(start: number): number | null {
    const { text } = this.source;
    if (text[start] !== ':' || !isPlainAt(this.source, start)) return null;
    const nameEnd = this.names.endOfNameAt(start + 1);
    if (nameEnd === start + 1 || text[nameEnd] !== ':' || !isPlainAt(this.source, nameEnd)) return null;
    return nameEnd + 1;
  }

  private allPlain(from: number, to: number): boolean {
    for (let index = from; index < to; index += 1) if (!isPlainAt(this.source, index)) return false;
    return true;
  }
}
