/**
 * What a database failure says about the request that caused it. Payload hands query values to
 * Postgres as they came (an id of 99999999999, `true` spelled "maybe", a NUL byte in a slug, a
 * negative page), and Postgres refuses them with a data exception: that is the caller's mistake
 * (a 400), not ours. A unique constraint that catches what validation could not (two requests
 * racing for the same slot) is a conflict (a 409). A refused or lost connection is an outage (a
 * 503): the caller may retry.
 * Anything else is a real fault and stays a 500.
 */

export type DatabaseErrorKind =
  | { kind: 'bad-input'; reason: string }
  | { kind: 'conflict' }
  | { kind: 'unavailable' }

/** SQLSTATEs a request's values or shape can cause, beyond class 22 (data exception). */
const INPUT_STATES: Record<string, string> = {
  // An operator used on a field of the wrong type (`contains` on an id).
  '42883': 'an operator that does not apply to this field',
  '42804': 'a value of the wrong type for this field',
  // A query nested or sized past what Postgres will plan.
  '54000': 'a query too large to run',
  '54001': 'a query nested too deeply',
  // Constraints the schema's validation did not catch first (a required field emptied on update).
  '23502': 'an empty value in a required field',
  '23503': 'a reference to a document that does not exist',
  '23514': 'a value the database rules refuse',
}
/** A unique constraint: another document (or a racing request) already holds the value. */
const CONFLICT_STATE = '23505'

/** Connection exceptions (08), shutdown and crash recovery (57P0x), too many connections. */
const UNAVAILABLE_STATE = /^(08...|57P0[1-4]|53300)$/
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN'])
// node-postgres reports a dropped or never-made connection with these messages and no code.
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED/i

function describeDataException(code: string): string {
  if (code === '22P02' || code === '22007' || code === '22008') return 'a value that is not of the field\'s type'
  if (code === '22003') return 'a number out of range for the field'
  if (code === '22021') return 'text with a character the database cannot store (such as NUL)'
  if (code === '2201W' || code === '2201X') return 'a negative limit or page'
  if (code === '22001') return 'text longer than the field allows'
  return 'a value the field cannot hold'
}

/**
 * The chain of errors and their causes, bounded: drizzle wraps the driver's error in `cause`,
 * GraphQL wraps a resolver's error in `originalError`.
 */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = []
  for (let current = error; current !== null && current !== undefined && chain.length < 6; ) {
    chain.push(current)
    const wrapper = typeof current === 'object' ? (current as { cause?: unknown; originalError?: unknown }) : {}
    current = wrapper.cause ?? wrapper.originalError
  }
  return chain
}

export function classifyDatabaseError(error: unknown): DatabaseErrorKind | null {
  for (const link of causeChain(error)) {
    if (typeof link !== 'object' || link === null) continue
    const code = 'code' in link && typeof link.code === 'string' ? link.code : ''
    if (/^22[0-9A-Z]{3}$/.test(code)) return { kind: 'bad-input', reason: describeDataException(code) }
    if (Object.hasOwn(INPUT_STATES, code)) return { kind: 'bad-input', reason: INPUT_STATES[code] }
    if (code === CONFLICT_STATE) return { kind: 'conflict' }
    if (UNAVAILABLE_STATE.test(code) || UNAVAILABLE_ERRNO.has(code)) return { kind: 'unavailable' }
    const message = 'message' in link && typeof link.message === 'string' ? link.message : ''
    if (UNAVAILABLE_MESSAGE.test(message)) return { kind: 'unavailable' }
  }
  return null
}
