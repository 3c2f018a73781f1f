/** docutils' `simplename` as a regular expression source, for block-level patterns. */
export const SIMPLENAME = '[\\p{L}\\p{N}]+(?:[-._+:][\\p{L}\\p{N}]+)*';
