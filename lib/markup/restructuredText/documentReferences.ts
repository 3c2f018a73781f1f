/**
 * Everything a reference may point at, collected from the whole document before rendering
 * (docutils' transforms): named targets (explicit, embedded in references, and section titles
 * as implicit ones), anonymous targets matched to anonymous references in order, footnotes
 * with their automatic numbers and symbols, citations, substitutions, and unique HTML ids.
 */
import type { BlockNode } from './blockNodes';
import type { InlineNode, ReferenceTarget } from './inlineNodes';
import { inlinePlainText } from './inlinePlainText';
import { makeHtmlId, normalizeReferenceName } from './referenceNames';
import { safeLinkUrl } from './safeUrls';
import { walkDocument } from './walkDocument';

type NamedTarget = { kind: 'uri'; uri: string } | { kind: 'alias'; name: string } | { kind: 'internal'; id: string };
type FootnoteNode = Extract<BlockNode, { kind: 'footnote' | 'citation' }>;
type SubstitutionDefinition = Extract<BlockNode, { kind: 'substitution-definition' }>;

export interface SectionEntry {
  level: number;
  id: string;
  title: string;
}

export interface FootnoteLink {
  href: string;
  label: string;
  isCitation: boolean;
}

/** docutils' footnote symbols, used in turn and then doubled, tripled... */
const FOOTNOTE_SYMBOLS = ['*', '\u2020', '\u2021', '\u00A7', '\u00B6', '#', '\u2660', '\u2665', '\u2666', '\u2663'];
/** Aliases pointing at aliases: followed this far, then given up (they may form a loop). */
const LONGEST_ALIAS_CHAIN = 16;

export class DocumentReferences {
  readonly sections: SectionEntry[] = [];
  private readonly explicitTargets = new Map<string, NamedTarget>();
  private readonly implicitTargets = new Map<string, NamedTarget>();
  private readonly ids = new Map<object, string>();
  private readonly usedIds = new Set<string>();
  private readonly anonymousTargets = new Map<InlineNode, NamedTarget>();
  private readonly footnoteLabels = new Map<FootnoteNode, string>();
  private readonly footnotesByLabel = new Map<string, FootnoteNode>();
  private readonly footnoteReferences = new Map<InlineNode, FootnoteNode>();
  private readonly substitutions = new Map<string, SubstitutionDefinition>();

  constructor(document: BlockNode[]) {
    const anonymousReferences: InlineNode[] = [];
    const anonymousDefinitions: NamedTarget[] = [];
    const footnotes: FootnoteNode[] = [];
    const footnoteReferences: Extract<InlineNode, { kind: 'footnote-reference' }>[] = [];
    walkDocument(document, {
      block: (node) => {
        switch (node.kind) {
          case 'section-title': {
            const id = this.allocateId(node, inlinePlainText(node.content));
            this.sections.push({ level: node.level, id, title: inlinePlainText(node.content) });
            if (!this.implicitTargets.has(node.name)) this.implicitTargets.set(node.name, { kind: 'internal', id });
            return;
          }
          case 'hyperlink-target': {
            const target: NamedTarget = node.uri !== null ? { kind: 'uri', uri: node.uri }
              : node.aliasName !== null ? { kind: 'alias', name: node.aliasName }
              : { kind: 'internal', id: this.allocateId(node, node.name ?? '') };
            if (node.name === null) anonymousDefinitions.push(target);
            else this.defineExplicit(node.name, target);
            return;
          }
          case 'footnote':
          case 'citation':
            footnotes.push(node);
            return;
          case 'substitution-definition':
            if (!this.substitutions.has(node.name)) this.substitutions.set(node.name, node);
            return;
          default:
            return;
        }
      },
      inline: (node) => {
        if (node.kind === 'reference') {
          if (node.target.kind === 'anonymous') anonymousReferences.push(node);
          if (node.definesName !== null) this.defineExplicit(node.definesName, this.targetOf(node.target));
        } else if (node.kind === 'substitution-reference' && node.referenceSuffix === '__') {
          anonymousReferences.push(node);
        } else if (node.kind === 'inline-target') {
          this.defineExplicit(node.name, { kind: 'internal', id: this.allocateId(node, node.text) });
        } else if (node.kind === 'footnote-reference') {
          footnoteReferences.push(node);
        }
      },
    });
    anonymousReferences.forEach((reference, index) => {
      const target = anonymousDefinitions[index];
      if (target) this.anonymousTargets.set(reference, target);
    });
    this.numberFootnotes(footnotes);
    this.matchFootnoteReferences(footnoteReferences);
  }

  /** The id given to a section title, internal target or footnote. */
  idOf(node: object): string | null {
    return this.ids.get(node) ?? null;
  }

  /** Where a reference leads, or null when it is unresolved or its URL is unsafe. */
  hrefOf(node: InlineNode, target: ReferenceTarget): string | null {
    if (target.kind === 'uri') return safeLinkUrl(target.uri);
    if (target.kind === 'name') return this.resolveName(target.name, 0);
    const anonymous = this.anonymousTargets.get(node);
    return anonymous ? this.resolve(anonymous, 0) : null;
  }

  footnoteLabel(node: FootnoteNode): string {
    return this.footnoteLabels.get(node) ?? node.label;
  }

  footnoteLink(reference: InlineNode): FootnoteLink | null {
    const footnote = this.footnoteReferences.get(reference);
    const id = footnote ? this.idOf(footnote) : null;
    if (!footnote || id === null) return null;
    return { href: `#${id}`, label: this.footnoteLabel(footnote), isCitation: footnote.kind === 'citation' };
  }

  /** docutils looks substitutions up by exact name first, then case-insensitively. */
  substitution(name: string): SubstitutionDefinition | null {
    const exact = this.substitutions.get(name);
    if (exact) return exact;
    const normalised = normalizeReferenceName(name);
    for (const [candidate, definition] of this.substitutions) if (normalizeReferenceName(candidate) === normalised) return definition;
    return null;
  }

  private defineExplicit(name: string, target: NamedTarget): void {
    if (!this.explicitTargets.has(name)) this.explicitTargets.set(name, target);
  }

  private targetOf(target: ReferenceTarget): NamedTarget {
    if (target.kind === 'uri') return { kind: 'uri', uri: target.uri };
    if (target.kind === 'name') return { kind: 'alias', name: target.name };
    return { kind: 'alias', name: '' };
  }

  private resolveName(name: string, depth: number): string | null {
    const target = this.explicitTargets.get(name) ?? this.implicitTargets.get(name);
    return target ? this.resolve(target, depth) : null;
  }

  private resolve(target: NamedTarget, depth: number): string | null {
    if (target.kind === 'uri') return safeLinkUrl(target.uri);
    if (target.kind === 'internal') return `#${target.id}`;
    return depth < LONGEST_ALIAS_CHAIN ? this.resolveName(target.name, depth + 1) : null;
  }

  /** docutils `make_id`, made unique in the document; ids that come out empty become `idN`. */
  private allocateId(node: object, text: string): string {
    let id = makeHtmlId(text);
    for (let counter = 1; id === '' || this.usedIds.has(id); counter += 1) id = `id${counter}`;
    this.usedIds.add(id);
    this.ids.set(node, id);
    return id;
  }

  private numberFootnotes(footnotes: FootnoteNode[]): void {
    const manualNumbers = new Set(footnotes.filter((note) => note.kind === 'footnote' && /^[0-9]+$/.test(note.label)).map((note) => note.label));
    let nextNumber = 1;
    let symbolCount = 0;
    for (const note of footnotes) {
      let label = note.label;
      let idText = note.kind === 'citation' ? `citation-${label}` : `footnote-${label}`;
      if (note.kind === 'footnote' && label.startsWith('#')) {
        while (manualNumbers.has(String(nextNumber))) nextNumber += 1;
        label = String(nextNumber);
        idText = `footnote-${label}`;
        nextNumber += 1;
      } else if (note.kind === 'footnote' && label === '*') {
        label = FOOTNOTE_SYMBOLS[symbolCount % FOOTNOTE_SYMBOLS.length].repeat(Math.floor(symbolCount / FOOTNOTE_SYMBOLS.length) + 1);
        symbolCount += 1;
        idText = `footnote-symbol-${symbolCount}`;
      }
      this.footnoteLabels.set(note, label);
      this.allocateId(note, idText);
      // [#]_ and [*]_ match their footnotes by order, everything else by label.
      if (note.label === '#' || note.label === '*') continue;
      const key = note.kind === 'citation' ? `citation ${normalizeReferenceName(note.label)}` : `footnote ${note.label}`;
      if (!this.footnotesByLabel.has(key)) this.footnotesByLabel.set(key, note);
    }
  }

  private matchFootnoteReferences(references: Extract<InlineNode, { kind: 'footnote-reference' }>[]): void {
    const autoNumbered = [...this.footnoteLabels.keys()].filter((note) => note.kind === 'footnote' && note.label === '#');
    const symbols = [...this.footnoteLabels.keys()].filter((note) => note.kind === 'footnote' && note.label === '*');
    let autoIndex = 0;
    let symbolIndex = 0;
    for (const reference of references) {
      let footnote: FootnoteNode | undefined;
      if (reference.label === '#') footnote = autoNumbered[autoIndex++];
      else if (reference.label === '*') footnote = symbols[symbolIndex++];
      else if (/^[0-9]+$/.test(reference.label) || reference.label.startsWith('#')) footnote = this.footnotesByLabel.get(`footnote ${reference.label}`);
      else footnote = this.footnotesByLabel.get(`citation ${normalizeReferenceName(reference.label)}`);
      if (footnote) this.footnoteReferences.set(reference, footnote);
    }
  }
}
