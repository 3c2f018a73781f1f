/**
 * The reST source as docutils sees it before parsing: one string per line, tabs expanded to
 * 8-column stops, form feeds and vertical tabs as spaces, trailing whitespace gone. Every
 * construct is recognised by indentation, so this normalisation comes first.
 */
const TAB_WIDTH = 8;

export function toSourceLines(source: string): string[] {
  return source
    .replace(/\r\n?/g, '\n')
    // NUL is invalid in HTML and docutils uses it internally; a visible replacement is safer.
    .replaceAll('\u0000', '\uFFFD')
    .replace(/[\v\f]/g, ' ')
    .split('\n')
    .map((line) => expandTabs(line).trimEnd());
}

function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let expanded = '';
  for (const char of line) {
    if (char === '\t') expanded += ' '.repeat(TAB_WIDTH - (expanded.length % TAB_WIDTH));
    else expanded += char;
  }
  return expanded;
}

export function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === '';
}

export function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}
