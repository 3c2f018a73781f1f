/** Shorthands for the reStructuredText tests: sources and expected HTML written line by line. */
import { renderRestructuredText } from '../../../../../lib/markup/restructuredText/renderRestructuredText';

export const rst = (...lines: string[]): string => renderRestructuredText(lines.join('\n'));
export const html = (...lines: string[]): string => lines.join('\n');
