/**
 * docutils "simple names" (reference names in `word_`, role names, footnote labels): words of
 * letters and digits joined by single `-`, `.`, `_`, `+` or `:` characters. Every position of
 * a run shares the run's end, so the last run computed is remembered: scanning a 200 KB
 * `a-a-a-...` paragraph, which asks at every `a`, stays linear.
 */
import { isPlainAt, type EscapedText } from './escapedText';
import { allowsMarkupBefore, isWordCharacter } from './inlineCharacters';

const JOINERS = '-._+:';

export interface ReferenceNameEnd {
  /** End of the name (exclusive); the `_` or `__` follows. */
  nameEnd: number;
  anonymous: boolean;
}

interface Run {
  start: number;
  end: number;
  /** The last name end in the run that a `_`/`__` reference suffix follows, or -1. */
  referenceEnd: number;
  anonymous: boolean;
}

export class SimplenameRuns {
  private lastRun: Run | null = null;

  constructor(private readonly source: EscapedText) {}

  isNameCharacter(index: number): boolean {
    return isPlainAt(this.source, index) && isWordCharacter(this.source.text[index]);
  }

  /** End (exclusive) of the simple name starting at `start`, or `start` when none starts there. */
  endOfNameAt(start: number): number {
    if (!this.isNameCharacter(start)) return start;
    return this.runAt(start).end;
  }

  /** The longest `name_` / `name__` reference starting at `start`, as docutils' greedy regex finds it. */
  referenceAt(start: number): ReferenceNameEnd | null {
    if (!this.isNameCharacter(start)) return null;
    const run = this.runAt(start);
    if (run.referenceEnd <= start) return null;
    return { nameEnd: run.referenceEnd, anonymous: run.anonymous };
  }

  private runAt(start: number): Run {
    const last = this.lastRun;
    if (last !== null && start >= last.start && start < last.end) return last;
    const { text } = this.source;
    let index = start;
    let referenceEnd = -1;
    let anonymous = false;
    for (;;) {
      while (this.isNameCharacter(index)) index += 1;
      const suffix = this.referenceSuffixAt(index);
      if (suffix !== null) {
        referenceEnd = index;
        anonymous = suffix === '__';
      }
      const joinsNextWord = JOINERS.includes(text[index] ?? '') && isPlainAt(this.source, index) && this.isNameCharacter(index + 1);
      if (!joinsNextWord) break;
      index += 1;
    }
    this.lastRun = { start, end: index, referenceEnd, anonymous };
    return this.lastRun;
  }

  private referenceSuffixAt(index: number): '_' | '__' | null {
    const { text } = this.source;
    if (text[index] !== '_' || !isPlainAt(this.source, index)) return null;
    if (text[index + 1] === '_' && isPlainAt(this.source, index + 1) && allowsMarkupBefore(text[index + 2])) return '__';
    if (allowsMarkupBefore(text[index + 1])) return '_';
    return null;
  }
}
