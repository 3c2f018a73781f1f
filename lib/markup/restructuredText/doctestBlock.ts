/** `>>> code` at the margin: an interactive session, shown as is up to the next blank line. */
import type { BlockRecogniser } from './blockParseContext';
import { textBlockEnd } from './indentedBlock';

const DOCTEST = /^>>>( +|$)/;

export const parseDoctestBlock: BlockRecogniser = (lines, index) => {
  if (!DOCTEST.test(lines[index])) return null;
  const end = textBlockEnd(lines, index);
  return { nodes: [{ kind: 'literal-block', text: lines.slice(index, end).join('\n'), className: 'doctest-block' }], next: end };
};
