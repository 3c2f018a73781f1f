/**
 * A line of repeated punctuation at the margin: a section title's overline (with the title
 * and a matching underline below), or a transition (`<hr>`) when blank lines surround it.
 * Lines shorter than four characters that are neither are ordinary text, as in docutils.
 * Where docutils reports a broken title and drops it, the line is kept as a transition and
 * the text after it parsed normally, so no content is lost.
 */
import { isAdornmentLine, SHORTEST_TRANSITION } from './adornments';
import type { BlockRecogniser } from './blockParseContext';
import { sectionTitle } from './sectionTitle';
import { isBlank } from './sourceLines';

export const parseAdornmentLine: BlockRecogniser = (lines, index, context) => {
  const line = lines[index];
  if (!isAdornmentLine(line)) return null;
  const short = line.length < SHORTEST_TRANSITION;
  const transition = { nodes: [{ kind: 'transition' as const }], next: index + 1 };
  if (!context.titlesAllowed || line === '::') return short || line === '::' ? null : transition;
  const titleLine = lines[index + 1];
  if (titleLine === undefined || isBlank(titleLine)) return short ? null : transition;
  if (isAdornmentLine(titleLine)) return short ? null : { nodes: [], next: index + 2 };
  const underline = lines[index + 2];
  if (underline === undefined || !isAdornmentLine(underline) || underline[0] !== line[0]) return short ? null : transition;
  const title = titleLine.trim();
  if (title.length > line.length && short) return null;
  return { nodes: [sectionTitle(title, `overline ${line[0]}`, context)], next: index + 3 };
};
