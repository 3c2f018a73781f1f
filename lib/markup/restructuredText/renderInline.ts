/**
 * Inline nodes to HTML. All text is escaped; the only markup is what is written here. Links
 * are made only to URLs `safeUrls` accepts: an unresolved or unsafe reference is its text.
 */
import type { ImageSpec } from './blockNodes';
import type { DocumentReferences } from './documentReferences';
import { escapeAttribute, escapeText } from './escapeHtml';
import type { InlineNode } from './inlineNodes';
import { renderRole } from './inlineRoles';
import { normalizeReferenceName } from './referenceNames';
import { safeLinkUrl } from './safeUrls';

/** A substitution inside a substitution's text is not expanded again (docutils refuses loops). */
const DEEPEST_SUBSTITUTION = 1;

export function renderInline(nodes: InlineNode[], references: DocumentReferences, substitutionDepth = 0): string {
  return nodes.map((node) => renderInlineNode(node, references, substitutionDepth)).join('');
}

export function link(href: string, content: string, extraClass = ''): string {
  const kind = href.startsWith('#') ? 'internal' : 'external';
  return `<a class="reference ${kind}${extraClass}" href="${escapeAttribute(href)}">${content}</a>`;
}

export function renderImage(image: ImageSpec): string {
  const attributes = [`src="${escapeAttribute(image.uri)}"`, `alt="${escapeAttribute(image.alt ?? image.uri)}"`];
  if (image.width !== null) attributes.push(`width="${escapeAttribute(image.width)}"`);
  if (image.height !== null) attributes.push(`height="${escapeAttribute(image.height)}"`);
  const img = `<img ${attributes.join(' ')} />`;
  const href = image.linkTarget === null ? null : safeLinkUrl(image.linkTarget);
  return href === null ? img : link(href, img, ' image-reference');
}

function renderInlineNode(node: InlineNode, references: DocumentReferences, substitutionDepth: number): string {
  switch (node.kind) {
    case 'text':
      return escapeText(node.text);
    case 'emphasis':
      return `<em>${escapeText(node.text)}</em>`;
    case 'strong':
      return `<strong>${escapeText(node.text)}</strong>`;
    case 'literal':
      return `<code>${escapeText(node.text)}</code>`;
    case 'title-reference':
      return `<cite>${escapeText(node.text)}</cite>`;
    case 'role':
      return renderRole(node);
    case 'reference': {
      const href = references.hrefOf(node, node.target);
      return href === null ? escapeText(node.text) : link(href, escapeText(node.text));
    }
    case 'standalone-link': {
      const href = safeLinkUrl(node.uri);
      return href === null ? escapeText(node.text) : link(href, escapeText(node.text));
    }
    case 'inline-target': {
      const id = references.idOf(node);
      return id === null ? escapeText(node.text) : `<span class="target" id="${escapeAttribute(id)}">${escapeText(node.text)}</span>`;
    }
    case 'footnote-reference': {
      const footnote = references.footnoteLink(node);
      if (footnote === null) return escapeText(node.source);
      return `<a class="${footnote.isCitation ? 'citation-reference' : 'footnote-reference'}" href="${escapeAttribute(footnote.href)}">[${escapeText(footnote.label)}]</a>`;
    }
    case 'substitution-reference':
      return renderSubstitution(node, references, substitutionDepth);
  }
}

function renderSubstitution(node: Extract<InlineNode, { kind: 'substitution-reference' }>, references: DocumentReferences, depth: number): string {
  const definition = references.substitution(node.name);
  if (!definition || depth >= DEEPEST_SUBSTITUTION) return escapeText(node.source);
  const content = definition.image ? renderImage(definition.image) : renderInline(definition.replacement ?? [], references, depth + 1);
  if (node.referenceSuffix === '') return content;
  const target = node.referenceSuffix === '__' ? { kind: 'anonymous' as const } : { kind: 'name' as const, name: normalizeReferenceName(node.name) };
  const href = references.hrefOf(node, target);
  return href === null ? content : link(href, content);
}
