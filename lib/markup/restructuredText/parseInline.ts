/**
 * Inline markup of one paragraph (or title, term, cell...), following docutils' `Inliner`:
 * find the leftmost start-string that docutils' recognition rules accept, find its end-string,
 * emit the construct, and carry on after it. Start-strings without an end stay plain text.
 * Text between constructs gets standalone URLs linked.
 *
 * Inline markup does not nest in reST (`*a **b** c*` is one emphasis), so nodes hold text.
 */
import { isPlainAt, markEscapes, unescapeRange, type EscapedText } from './escapedText';
import { findEmbeddedLink } from './embeddedLink';
import { allowsMarkupAfter, allowsMarkupBefore, isQuotePair, isWhitespace } from './inlineCharacters';
import { InlineEndStrings, type EndStringKind } from './inlineEndStrings';
import type { InlineNode } from './inlineNodes';
import { normalizeReferenceName } from './referenceNames';
import { SimplenameRuns } from './simplenameRuns';
import { linkStandaloneUrls } from './standaloneLinks';

type Recognition =
  | { kind: 'none' }
  /** A start-string with no valid end: it stays text, and scanning resumes after it. */
  | { kind: 'text'; end: number }
  | { kind: 'markup'; nodes: InlineNode[]; end: number };

const NONE: Recognition = { kind: 'none' };

export function parseInline(text: string): InlineNode[] {
  return new InlineParser(markEscapes(text)).parse();
}

class InlineParser {
  private readonly names: SimplenameRuns;
  private readonly ends: InlineEndStrings;
  /** docutils restarts its search after each construct: that point counts as the start of text. */
  private segmentStart = 0;

  constructor(private readonly source: EscapedText) {
    this.names = new SimplenameRuns(source);
    this.ends = new InlineEndStrings(source, this.names);
  }

  parse(): InlineNode[] {
    const nodes: InlineNode[] = [];
    const { length } = this.source.text;
    let plainStart = 0;
    let position = 0;
    while (position < length) {
      const recognised = this.recogniseAt(position);
      if (recognised.kind === 'none') {
        position += 1;
        continue;
      }
      if (recognised.kind === 'markup') {
        if (position > plainStart) nodes.push(...linkStandaloneUrls(this.source, plainStart, position));
        nodes.push(...recognised.nodes);
        plainStart = recognised.end;
      }
      position = recognised.end;
      this.segmentStart = recognised.end;
    }
    if (length > plainStart) nodes.push(...linkStandaloneUrls(this.source, plainStart, length));
    return nodes;
  }

  private recogniseAt(position: number): Recognition {
    const { text } = this.source;
    if (!isPlainAt(this.source, position)) return NONE;
    if (position !== this.segmentStart && !allowsMarkupAfter(text[position - 1])) return NONE;
    const next = text[position + 1];
    switch (text[position]) {
      case '*':
        if (next === '*') return this.startFollowedByText(position + 2) ? this.simpleConstruct('strong', position, 2) : NONE;
        return this.startFollowedByText(position + 1) ? this.simpleConstruct('emphasis', position, 1) : NONE;
      case '`':
        if (next === '`') return this.startFollowedByText(position + 2) ? this.simpleConstruct('literal', position, 2) : NONE;
        return this.startFollowedByText(position + 1) ? this.interpretedText(position, position, null) : NONE;
      case '_':
        return next === '`' && this.startFollowedByText(position + 2) ? this.simpleConstruct('inline-target', position, 2) : NONE;
      case '|':
        return next !== '|' && this.startFollowedByText(position + 1) ? this.simpleConstruct('substitution', position, 1) : NONE;
      case '[':
        return this.footnoteReference(position);
      case ':':
        return this.rolePrefixedText(position);
      default:
        return this.referenceName(position);
    }
  }

  private startFollowedByText(afterStart: number): boolean {
    return !isWhitespace(this.source.text[afterStart]);
  }

  /** `"*"`, `(*)`: a start-string between a matching pair of quotes or brackets is text. */
  private isQuotedStart(start: number, afterStart: number): boolean {
    if (start === this.segmentStart) return false;
    if (afterStart >= this.source.text.length) return true;
    return isQuotePair(this.source.text[start - 1], this.source.text[afterStart]);
  }

  private simpleConstruct(kind: Exclude<EndStringKind, 'interpreted'>, start: number, startLength: number): Recognition {
    const contentStart = start + startLength;
    if (this.isQuotedStart(start, contentStart)) return { kind: 'text', end: contentStart };
    const end = this.ends.findAfter(kind, contentStart);
    if (!end) return { kind: 'text', end: contentStart };
    const text = unescapeRange(this.source, contentStart, end.start);
    const node = ((): InlineNode => {
      switch (kind) {
        case 'emphasis':
        case 'strong':
          return { kind, text };
        case 'literal':
          return { kind: 'literal', text: this.source.text.slice(contentStart, end.start) };
        case 'inline-target':
          return { kind: 'inline-target', text, name: normalizeReferenceName(text) };
        case 'substitution':
          return { kind: 'substitution-reference', name: text, source: this.sourceText(start, end.end), referenceSuffix: end.referenceSuffix };
      }
    })();
    return { kind: 'markup', nodes: [node], end: end.end };
  }

  /** :role:`text` */
  private rolePrefixedText(colon: number): Recognition {
    const { text } = this.source;
    const nameEnd = this.names.endOfNameAt(colon + 1);
    if (nameEnd === colon + 1 || text[nameEnd] !== ':' || !isPlainAt(this.source, nameEnd)) return NONE;
    const backquote = nameEnd + 1;
    if (text[backquote] !== '`' || !isPlainAt(this.source, backquote) || text[backquote + 1] === '`') return NONE;
    if (!this.startFollowedByText(backquote + 1)) return NONE;
    return this.interpretedText(colon, backquote, text.slice(colon + 1, nameEnd));
  }

  /** `text`, `text`_, `text`__, `text <uri>`_, `text`:role: and :role:`text`. */
  private interpretedText(start: number, backquote: number, prefixRole: string | null): Recognition {
    const contentStart = backquote + 1;
    if (prefixRole === null && this.isQuotedStart(backquote, contentStart)) return { kind: 'text', end: contentStart };
    const end = this.ends.findAfter('interpreted', contentStart);
    if (!end) return { kind: 'text', end: contentStart };
    const source = this.sourceText(start, end.end);
    const asText: Recognition = { kind: 'markup', nodes: [{ kind: 'text', text: source }], end: end.end };
    // docutils reports both of these as errors; the source stays readable as text.
    if (prefixRole !== null && end.role !== null) return asText;
    const role = prefixRole ?? end.role;
    if (end.referenceSuffix !== '') {
      if (role !== null) return asText;
      return { kind: 'markup', nodes: [this.phraseReference(contentStart, end.start, end.referenceSuffix === '__')], end: end.end };
    }
    const text = unescapeRange(this.source, contentStart, end.start);
    if (role === null) return { kind: 'markup', nodes: [{ kind: 'title-reference', text }], end: end.end };
    const rawText = this.source.text.slice(contentStart, end.start);
    return { kind: 'markup', nodes: [{ kind: 'role', role: role.toLowerCase(), text, rawText, source }], end: end.end };
  }

  private phraseReference(from: number, to: number, anonymous: boolean): InlineNode {
    const embedded = findEmbeddedLink(this.source, from, to);
    if (!embedded) {
      const text = unescapeRange(this.source, from, to);
      return { kind: 'reference', text, target: anonymous ? { kind: 'anonymous' } : { kind: 'name', name: normalizeReferenceName(text) }, definesName: null };
    }
    const text = unescapeRange(this.source, from, embedded.textEnd) || embedded.targetText;
    const target = embedded.target.kind === 'uri'
      ? { kind: 'uri' as const, uri: embedded.target.uri }
      : { kind: 'name' as const, name: normalizeReferenceName(embedded.target.name) };
    // A named (not anonymous) reference with an embedded target also defines that name.
    return { kind: 'reference', text, target, definesName: anonymous ? null : normalizeReferenceName(text) };
  }

  /** word_ and word__ */
  private referenceName(start: number): Recognition {
    const reference = this.names.referenceAt(start);
    if (!reference) return NONE;
    const text = this.source.text.slice(start, reference.nameEnd);
    const end = reference.nameEnd + (reference.anonymous ? 2 : 1);
    const target = reference.anonymous ? { kind: 'anonymous' as const } : { kind: 'name' as const, name: normalizeReferenceName(text) };
    return { kind: 'markup', nodes: [{ kind: 'reference', text, target, definesName: null }], end };
  }

  /** [1]_, [#]_, [#label]_, [*]_ and [CITATION]_ */
  private footnoteReference(open: number): Recognition {
    const { text } = this.source;
    const labelStart = open + 1;
    let labelEnd: number;
    if (text[labelStart] === '#' && isPlainAt(this.source, labelStart)) labelEnd = this.names.endOfNameAt(labelStart + 1);
    else if (text[labelStart] === '*' && isPlainAt(this.source, labelStart)) labelEnd = labelStart + 1;
    else labelEnd = this.names.endOfNameAt(labelStart);
    if (labelEnd === labelStart) return NONE;
    if (text[labelEnd] !== ']' || text[labelEnd + 1] !== '_' || !isPlainAt(this.source, labelEnd) || !isPlainAt(this.source, labelEnd + 1)) return NONE;
    if (!allowsMarkupBefore(text[labelEnd + 2])) return NONE;
    const end = labelEnd + 2;
    return { kind: 'markup', nodes: [{ kind: 'footnote-reference', label: text.slice(labelStart, labelEnd), source: text.slice(open, end) }], end };
  }

  private sourceText(from: number, to: number): string {
    return unescapeRange(this.source, from, to);
  }
}
