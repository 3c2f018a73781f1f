import { nestingDepthExceeds } from './nestingDepth'

/** Deeper than any real document (Lexical rich text nests a dozen levels at most). */
export const MAX_DOCUMENT_DEPTH = 100

/**
 * What is wrong with the data of a create or update before Payload walks it, or null. Payload
 * assumes an object: a JSON string, number, array or no body at all (a form or text/plain
 * content type) crashed its field hooks with a TypeError, and thousands of nested levels
 * overflowed its recursive walk, both answered 500.
 */
export function documentDataProblem(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return 'Send the document as a JSON object of its fields (Content-Type: application/json), or as multipart form data with the fields in "_payload".'
  }
  if (nestingDepthExceeds(data, MAX_DOCUMENT_DEPTH)) return `The document nests deeper than ${MAX_DOCUMENT_DEPTH} levels.`
  return null
}
