/**
 * `.. contents::`: the document's section titles as nested lists of links, down to `:depth:`.
 * Entries are plain text, since a title's own links cannot sit inside the entry's link.
 */
import type { SectionEntry } from './documentReferences';
import { escapeText } from './escapeHtml';
import { link } from './renderInline';

interface TocEntry {
  section: SectionEntry;
  children: TocEntry[];
}

export function renderTableOfContents(title: string, sections: SectionEntry[], depth: number | null): string {
  if (sections.length === 0) return '';
  const topLevel = sections.reduce((lowest, section) => Math.min(lowest, section.level), Infinity);
  const shown = sections.filter((section) => depth === null || section.level < topLevel + depth);
  const roots: TocEntry[] = [];
  const stack: TocEntry[] = [];
  for (const section of shown) {
    const entry: TocEntry = { section, children: [] };
    while (stack.length > 0 && stack[stack.length - 1].section.level >= section.level) stack.pop();
    if (stack.length === 0) roots.push(entry);
    else stack[stack.length - 1].children.push(entry);
    stack.push(entry);
  }
  return ['<div class="contents topic">', `<p class="topic-title">${title}</p>`, renderEntries(roots), '</div>'].join('\n');
}

function renderEntries(entries: TocEntry[]): string {
  const items = entries.map((entry) => {
    const anchor = link(`#${entry.section.id}`, escapeText(entry.section.title));
    return entry.children.length === 0 ? `<li>${anchor}</li>` : `<li>${anchor}\n${renderEntries(entry.children)}</li>`;
  });
  return ['<ul>', ...items, '</ul>'].join('\n');
}
