/**
 * Interpreted text roles: docutils' standard ones (`:pep:`, `:rfc:`, `:code:`, `:emphasis:`,
 * `:strong:`, `:sub:`, `:sup:`, `:title-reference:`, `:abbreviation:`, `:acronym:`). Any other
 * role (Sphinx's `:func:`, `:ref:`..., or `:raw-html:` from a `.. role::` we ignore) shows its
 * text as code: readable, and never interpreted.
 */
import { escapeAttribute, escapeText } from './escapeHtml';
import type { InlineNode } from './inlineNodes';

type RoleNode = Extract<InlineNode, { kind: 'role' }>;

const NUMBER_WITH_ANCHOR = /^\s*(\d+)\s*(?:#([A-Za-z0-9_-]+))?\s*$/;

const WRAPPING_ROLES: Record<string, string> = {
  emphasis: 'em',
  strong: 'strong',
  literal: 'code',
  code: 'code',
  subscript: 'sub',
  sub: 'sub',
  superscript: 'sup',
  sup: 'sup',
  'title-reference': 'cite',
  title: 'cite',
  t: 'cite',
  abbreviation: 'abbr',
  ab: 'abbr',
  acronym: 'acronym',
  ac: 'acronym',
};

export function renderRole(node: RoleNode): string {
  switch (node.role) {
    case 'pep':
    case 'pep-reference':
      return numberedDocumentLink(node, 9999, (number) => `https://peps.python.org/pep-${number.padStart(4, '0')}/`, 'PEP');
    case 'rfc':
    case 'rfc-reference':
      return numberedDocumentLink(node, Number.MAX_SAFE_INTEGER, (number) => `https://datatracker.ietf.org/doc/html/rfc${number}`, 'RFC');
    default: {
      const tag = Object.hasOwn(WRAPPING_ROLES, node.role) ? WRAPPING_ROLES[node.role] : 'code';
      return `<${tag}>${escapeText(node.text)}</${tag}>`;
    }
  }
}

/** `:pep:\`8\`` → PEP 8, linked; a number out of range stays as the source text, as docutils reports it. */
function numberedDocumentLink(node: RoleNode, largest: number, urlOf: (number: string) => string, prefix: string): string {
  const match = NUMBER_WITH_ANCHOR.exec(node.text);
  const number = match ? String(Number.parseInt(match[1], 10)) : null;
  if (!match || number === null || Number(number) > largest) return escapeText(node.source);
  const anchor = match[2] === undefined ? '' : `#${match[2]}`;
  return `<a class="reference external" href="${escapeAttribute(urlOf(number) + anchor)}">${prefix} ${escapeText(number)}</a>`;
}
