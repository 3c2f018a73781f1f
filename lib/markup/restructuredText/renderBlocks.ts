/**
 * Block nodes to HTML, shaped like docutils' HTML writer output for the same constructs
 * (sections as h2-h6 under the page's own h1, `pre.literal-block`, `div.admonition`...).
 */
import type { BlockNode, LineBlockItem, ListSequence } from './blockNodes';
import { isLoneParagraph, isSimpleList } from './compactLists';
import type { DocumentReferences } from './documentReferences';
import { escapeAttribute, escapeText } from './escapeHtml';
import { inlinePlainText } from './inlinePlainText';
import { renderImage, renderInline } from './renderInline';
import { renderTable } from './renderTable';
import { renderTableOfContents } from './renderTableOfContents';

/** Section level 1 is h2: the page template's title is the h1. */
const FIRST_HEADING = 2;
const LAST_HEADING = 6;

const LIST_TYPES: Record<ListSequence, string | null> = {
  arabic: null,
  loweralpha: 'a',
  upperalpha: 'A',
  lowerroman: 'i',
  upperroman: 'I',
};

type FootnoteNode = Extract<BlockNode, { kind: 'footnote' | 'citation' }>;

export function renderBlocks(nodes: BlockNode[], references: DocumentReferences): string {
  const parts: string[] = [];
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index];
    if (node.kind === 'footnote' || node.kind === 'citation') {
      // Consecutive footnotes (or citations) share one list, as docutils groups them.
      const group: FootnoteNode[] = [node];
      while (nodes[index + 1]?.kind === node.kind) group.push(nodes[++index] as FootnoteNode);
      parts.push(renderFootnotes(group, references));
      continue;
    }
    const html = renderBlock(node, references);
    if (html !== '') parts.push(html);
  }
  return parts.join('\n');
}

/** A body whose only content is one paragraph loses the `<p>` (docutils' compact paragraphs). */
function renderBody(children: BlockNode[], references: DocumentReferences): string {
  return isLoneParagraph(children) ? renderCompact(children, references) : renderBlocks(children, references);
}

/** Paragraphs as bare inline content: items of simple lists, lone paragraphs. */
function renderCompact(children: BlockNode[], references: DocumentReferences): string {
  return children.map((child) => (child.kind === 'paragraph' ? renderInline(child.content, references) : renderBlock(child, references))).filter((html) => html !== '').join('\n');
}

function wrap(open: string, inner: string[], close: string): string {
  return [open, ...inner.filter((html) => html !== ''), close].join('\n');
}

function renderBlock(node: BlockNode, references: DocumentReferences): string {
  switch (node.kind) {
    case 'paragraph':
      return `<p>${renderInline(node.content, references)}</p>`;
    case 'section-title': {
      const tag = `h${Math.min(node.level + FIRST_HEADING - 1, LAST_HEADING)}`;
      const id = references.idOf(node);
      return `<${tag}${id === null ? '' : ` id="${escapeAttribute(id)}"`}>${renderInline(node.content, references)}</${tag}>`;
    }
    case 'transition':
      return '<hr />';
    case 'bullet-list':
    case 'enumerated-list': {
      const simple = isSimpleList(node);
      const items = node.items.map((item) => `<li>${simple ? renderCompact(item, references) : renderBody(item, references)}</li>`);
      if (node.kind === 'bullet-list') return wrap('<ul>', items, '</ul>');
      const type = LIST_TYPES[node.sequence];
      const attributes = (type === null ? '' : ` type="${type}"`) + (node.start === 1 ? '' : ` start="${node.start}"`);
      return wrap(`<ol${attributes}>`, items, '</ol>');
    }
    case 'definition-list':
      return wrap('<dl>', node.items.flatMap((item) => {
        const classifiers = item.classifiers.map((classifier) => ` <span class="classifier-delimiter">:</span> <span class="classifier">${renderInline(classifier, references)}</span>`).join('');
        return [`<dt>${renderInline(item.term, references)}${classifiers}</dt>`, `<dd>${renderBody(item.definition, references)}</dd>`];
      }), '</dl>');
    case 'field-list':
      return wrap('<dl class="field-list">', node.fields.flatMap((field) => [
        `<dt>${renderInline(field.name, references)}:</dt>`,
        `<dd>${renderBody(field.body, references)}</dd>`,
      ]), '</dl>');
    case 'literal-block':
      return `<pre class="${escapeAttribute(node.className)}">${escapeText(node.text)}</pre>`;
    case 'parsed-literal':
      return `<pre class="parsed-literal">${renderInline(node.content, references)}</pre>`;
    case 'code-block':
      return `<pre><code${node.language === null ? '' : ` class="language-${escapeAttribute(node.language)}"`}>${escapeText(node.text)}</code></pre>`;
    case 'block-quote': {
      const attribution = node.attribution === null ? '' : `<p class="attribution">\u2014${renderInline(node.attribution, references)}</p>`;
      const open = node.className === null ? '<blockquote>' : `<blockquote class="${escapeAttribute(node.className)}">`;
      return wrap(open, [renderBlocks(node.children, references), attribution], '</blockquote>');
    }
    case 'line-block':
      return renderLineBlock(node.items, references);
    case 'table':
      return renderTable(node.headRows, node.bodyRows, (cell) => renderBody(cell.content, references));
    case 'admonition':
      return wrap(`<div class="admonition ${escapeAttribute(node.className)}">`, [
        `<p class="admonition-title">${renderInline(node.title, references)}</p>`,
        renderBlocks(node.children, references),
      ], '</div>');
    case 'division': {
      const titleClass = `${node.className.split(' ')[0]}-title`;
      const title = node.title === null ? '' : `<p class="${escapeAttribute(titleClass)}">${renderInline(node.title, references)}</p>`;
      return wrap(`<div class="${escapeAttribute(node.className)}">`, [title, renderBlocks(node.children, references)], '</div>');
    }
    case 'rubric':
      return `<p class="rubric">${renderInline(node.content, references)}</p>`;
    case 'image':
      return renderImage(node.image);
    case 'figure': {
      const caption = node.caption === null ? '' : `<p>${renderInline(node.caption, references)}</p>`;
      const legend = node.legend.length === 0 ? '' : wrap('<div class="legend">', [renderBlocks(node.legend, references)], '</div>');
      const figcaption = caption === '' && legend === '' ? '' : wrap('<figcaption>', [caption, legend], '</figcaption>');
      return wrap('<figure>', [renderImage(node.image), figcaption], '</figure>');
    }
    case 'table-of-contents':
      return renderTableOfContents(escapeText(inlinePlainText(node.title)), references.sections, node.depth);
    case 'disabled-directive':
      return `<p class="rst-disabled">"${escapeText(node.name)}" directive disabled.</p>`;
    case 'hyperlink-target': {
      const id = references.idOf(node);
      return id === null ? '' : `<span id="${escapeAttribute(id)}"></span>`;
    }
    case 'footnote':
    case 'citation':
      return renderFootnotes([node], references);
    case 'substitution-definition':
      return '';
  }
}

function renderLineBlock(items: LineBlockItem[], references: DocumentReferences): string {
  return wrap('<div class="line-block">', items.map((item) => {
    if (item.kind === 'nested') return renderLineBlock(item.items, references);
    const content = renderInline(item.content, references);
    return `<div class="line">${content === '' ? '<br />' : content}</div>`;
  }), '</div>');
}

function renderFootnotes(notes: FootnoteNode[], references: DocumentReferences): string {
  return wrap(`<dl class="${notes[0].kind}">`, notes.flatMap((note) => {
    const id = references.idOf(note);
    return [
      `<dt class="label"${id === null ? '' : ` id="${escapeAttribute(id)}"`}>[${escapeText(references.footnoteLabel(note))}]</dt>`,
      `<dd>${renderBody(note.children, references)}</dd>`,
    ];
  }), '</dl>');
}
