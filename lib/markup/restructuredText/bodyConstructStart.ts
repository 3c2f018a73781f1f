/**
 * Does a line open a body construct (list, table, explicit markup...)? Used to end a
 * definition list: a term line must be plain text, or the list is over.
 */
import { isAdornmentLine } from './adornments';
import { parseEnumerator } from './enumerators';
import { parseFieldMarker } from './fieldMarker';

const OTHER_STARTS = /^(?:[-+*\u2022\u2023\u2043]( |$)|>>>( |$)|\|( |$)|\.\.( |$)|__( |$)|\+-[-+]+-\+$|=+( +=+)+$)/;

export function startsBodyConstruct(line: string): boolean {
  return OTHER_STARTS.test(line) || parseEnumerator(line) !== null || parseFieldMarker(line) !== null || isAdornmentLine(line);
}
