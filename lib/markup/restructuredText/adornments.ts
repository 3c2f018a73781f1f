/**
 * Section-title adornments and transitions: a line made of one repeated punctuation character
 * (docutils accepts any of `!"#$%&'()*+,-./:;<=>?@[\]^_\`{|}~`).
 */
const ADORNMENT = /^([!-/:-@[-`{-~])\1*$/;

export function isAdornmentLine(line: string | undefined): boolean {
  return line !== undefined && ADORNMENT.test(line);
}

/** Shorter lines are text unless they exactly underline a title as long as themselves. */
export const SHORTEST_TRANSITION = 4;
