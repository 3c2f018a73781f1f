import type { AfterErrorHook } from 'payload'

import { classifyDatabaseError } from './classifyDatabaseError'
import { isMalformedMultipart } from './isMalformedMultipart'

/** What a client may read about an error: its status and message, when Payload marked it public. */
function publicClientError(error: Error): { status: number; message: string } | null {
  const { status, isPublic } = error as Error & { status?: unknown; isPublic?: unknown }
  if (typeof status !== 'number' || status < 400 || status > 499 || isPublic === false) return null
  return error.message ? { status, message: error.message } : null
}

/**
 * Payload's last word on a failed REST or GraphQL request (root `hooks.afterError`):
 * - a database refusal caused by the request's values becomes a 400 naming the problem, a
 *   unique constraint a 409, and a lost database a 503, instead of Payload's 500 "Something went
 *   wrong";
 * - a public 4xx keeps its message: Payload formats an APIError without `data` by its class
 *   name, which the production build minifies away, so the client got "An unknown error
 *   occurred." for "Invalid JSON" or a 413's size limit.
 * - a multipart body busboy cannot read is a 400, not a 500.
 * Other errors stay 500s; Payload has already logged them.
 */
export const answerRequestErrors: AfterErrorHook = ({ error, result, graphqlResult }) => {
  const database = classifyDatabaseError(error)
  if (database?.kind === 'bad-input') {
    const message = `The request was refused: it holds ${database.reason}. Check the query's ids, numbers, dates, booleans and text.`
    if (graphqlResult) return { graphqlResult: { ...graphqlResult, message, extensions: { ...graphqlResult.extensions, statusCode: 400 } } }
    return { status: 400, response: { errors: [{ message }] } }
  }
  if (database?.kind === 'conflict') {
    const message = 'The change conflicts with another document (a value that must be unique is taken, perhaps by a request made at the same time). Reload and try again.'
    if (graphqlResult) return { graphqlResult: { ...graphqlResult, message, extensions: { ...graphqlResult.extensions, statusCode: 409 } } }
    return { status: 409, response: { errors: [{ message }] } }
  }
  if (database?.kind === 'unavailable') {
    const message = 'The database is unavailable; try again in a moment.'
    if (graphqlResult) return { graphqlResult: { ...graphqlResult, message, extensions: { ...graphqlResult.extensions, statusCode: 503 } } }
    return { status: 503, response: { errors: [{ message }] } }
  }
  if (isMalformedMultipart(error)) {
    return { status: 400, response: { errors: [{ message: `The multipart body could not be read (${error.message}): send a complete multipart/form-data body, or JSON.` }] } }
  }
  const client = publicClientError(error)
  if (client && result && !result.errors.some((entry) => entry.message === client.message)) {
    return { status: client.status, response: { errors: [{ message: client.message }] } }
  }
  return undefined
}
