/** Index of the first non-blank line at or after `index`. */
import { isBlank } from './sourceLines';

export function skipBlankLines(lines: string[], index: number): number {
  let next = index;
  while (next < lines.length && isBlank(lines[next])) next += 1;
  return next;
}
