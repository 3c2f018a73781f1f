/**
 * Splitting a directive's block into arguments, options and content, as docutils'
 * `parse_directive_block` does: arguments run to the first blank line, options are a field
 * list at the end of them, and a directive without arguments reads that text as content.
 */
import { parseFieldMarker } from './fieldMarker';
import { dedentLines } from './indentedBlock';
import { isBlank } from './sourceLines';

export interface DirectiveSyntax {
  takesArguments: boolean;
  takesOptions: boolean;
}

export interface DirectiveParts {
  /** The argument text, lines joined with newlines (a title, a URL, a language). */
  argument: string;
  /** Option names in lower case; a flag option has the empty string as its value. */
  options: Map<string, string>;
  content: string[];
}

/** `block[0]` is the text after `name::`; the other lines are the directive's indented block. */
export function splitDirectiveBlock(block: string[], syntax: DirectiveSyntax): DirectiveParts {
  let lines = [...block];
  if (lines.length > 0 && isBlank(lines[0])) lines = lines.slice(1);
  while (lines.length > 0 && isBlank(lines[lines.length - 1])) lines.pop();
  let argumentLines: string[] = [];
  let content = lines;
  let firstBlank = lines.length;
  if (lines.length > 0 && (syntax.takesArguments || syntax.takesOptions)) {
    firstBlank = lines.findIndex(isBlank);
    if (firstBlank < 0) firstBlank = lines.length;
    argumentLines = lines.slice(0, firstBlank);
    content = lines.slice(firstBlank + 1);
  }
  const options = new Map<string, string>();
  if (syntax.takesOptions) {
    const optionStart = argumentLines.findIndex((line) => parseFieldMarker(line) !== null);
    if (optionStart >= 0) {
      readOptions(argumentLines.slice(optionStart), options);
      argumentLines = argumentLines.slice(0, optionStart);
    }
  }
  if (argumentLines.length > 0 && !syntax.takesArguments) {
    content = [...argumentLines, ...lines.slice(firstBlank)];
    argumentLines = [];
  }
  return { argument: argumentLines.map((line) => line.trim()).join('\n'), options, content: dedentLines(content) };
}

function readOptions(lines: string[], options: Map<string, string>): void {
  let current: string | null = null;
  for (const line of lines) {
    const marker = parseFieldMarker(line);
    if (marker) {
      current = marker.name.trim().toLowerCase();
      options.set(current, line.slice(marker.bodyStart).trim());
    } else if (current !== null) {
      options.set(current, `${options.get(current) ?? ''} ${line.trim()}`.trim());
    }
  }
}
