/**
 * Lines starting `.. `: footnotes (`.. [1]`), citations (`.. [CIT]`), hyperlink targets
 * (`.. _name:`), substitution definitions (`.. |name| replace::`), directives (`.. name::`),
 * and otherwise comments, which render nothing. Also `__ url`, the anonymous target shorthand.
 */
import type { BlockParseContext, BlockRecogniser, ParsedBlocks } from './blockParseContext';
import type { BlockNode } from './blockNodes';
import { buildDirective, buildSubstitutionDefinition } from './directives';
import { anonymousTarget, parseHyperlinkTarget } from './hyperlinkTarget';
import { extractIndentedBlock } from './indentedBlock';
import { SIMPLENAME } from './simplename';
import { isBlank } from './sourceLines';

const EXPLICIT_START = /^\.\.( +|$)/;
const FOOTNOTE = new RegExp(`^\\[([0-9]+|#(?:${SIMPLENAME})?|\\*|${SIMPLENAME})\\]( +|$)`, 'u');
const SUBSTITUTION = /^\|(?! )(.+?)(?<! )\|( +|$)/;
const DIRECTIVE = new RegExp(`^(${SIMPLENAME}) ?::( +|$)`, 'u');
const ANONYMOUS_SHORTHAND = /^__( +|$)/;

export const parseExplicitMarkup: BlockRecogniser = (lines, index, context) => {
  const marker = EXPLICIT_START.exec(lines[index]);
  if (!marker) return null;
  const text = lines[index].slice(marker[0].length);
  // `..` alone before a blank line is an empty comment: what follows is not part of it.
  if (text === '' && isBlank(lines[index + 1])) return { nodes: [], next: index + 1 };
  if (isHyperlinkTarget(text)) return parseTargetLines(lines, index, text);
  const block = extractIndentedBlock(lines, index, marker[0].length);
  return { nodes: explicitConstruct(block.lines, lines.slice(index, block.end), context), next: block.end };
};

export const parseAnonymousTarget: BlockRecogniser = (lines, index) => {
  const marker = ANONYMOUS_SHORTHAND.exec(lines[index]);
  if (!marker) return null;
  const block = extractIndentedBlock(lines, index, marker[0].length);
  return { nodes: [anonymousTarget(block.lines)], next: block.end };
};

function isHyperlinkTarget(text: string): boolean {
  return text.startsWith('_') && !/^_( |$)/.test(text);
}

/** A target ends at the first blank line (docutils reads it `until_blank`): what follows is not its URL. */
function parseTargetLines(lines: string[], index: number, text: string): ParsedBlocks {
  let end = index + 1;
  while (end < lines.length && lines[end].startsWith(' ') && !isBlank(lines[end])) end += 1;
  const target = parseHyperlinkTarget([text.slice(1), ...lines.slice(index + 1, end)]);
  return { nodes: target ? [target] : [], next: end };
}

/** `block[0]` is the text after `.. `; `source` is the whole construct as written. */
function explicitConstruct(block: string[], source: string[], context: BlockParseContext): BlockNode[] {
  const first = block[0];
  const footnote = FOOTNOTE.exec(first);
  if (footnote) {
    const label = footnote[1];
    const children = context.parseNested([first.slice(footnote[0].length), ...block.slice(1)]);
    const isFootnote = /^([0-9]+|#.*|\*)$/u.test(label);
    return [{ kind: isFootnote ? 'footnote' : 'citation', label, children }];
  }
  const substitution = SUBSTITUTION.exec(first);
  if (substitution) {
    const rest = first.slice(substitution[0].length);
    const directive = DIRECTIVE.exec(rest);
    if (!directive) return [];
    return buildSubstitutionDefinition(substitution[1], directive[1].toLowerCase(), [rest.slice(directive[0].length), ...block.slice(1)]);
  }
  const directive = DIRECTIVE.exec(first);
  if (directive) return buildDirective(directive[1].toLowerCase(), [first.slice(directive[0].length), ...block.slice(1)], source, context);
  return [];
}
