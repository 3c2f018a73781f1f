/**
 * `:name: body` — the marker of a field list item or a directive option (docutils
 * `field_marker`). The name may hold escaped characters and colons not followed by a space;
 * it may not start with a colon or space, nor end with a space.
 */
export interface FieldMarker {
  name: string;
  /** Column where the body starts (after the marker and its spaces). */
  bodyStart: number;
}

export function parseFieldMarker(line: string): FieldMarker | null {
  if (line[0] !== ':' || line[1] === undefined || line[1] === ':' || line[1] === ' ') return null;
  let index = 1;
  while (index < line.length) {
    const char = line[index];
    if (char === '\\') {
      if (index + 1 >= line.length) return null;
      index += 2;
      continue;
    }
    if (char !== ':') {
      index += 1;
      continue;
    }
    const next = line[index + 1];
    if (next === '`') return null;
    if (next !== undefined && next !== ' ') {
      index += 1;
      continue;
    }
    if (line[index - 1] === ' ') return null;
    let bodyStart = index + 1;
    while (line[bodyStart] === ' ') bodyStart += 1;
    return { name: line.slice(1, index), bodyStart };
  }
  return null;
}
