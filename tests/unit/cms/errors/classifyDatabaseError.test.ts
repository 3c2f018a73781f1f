import { describe, expect, it } from 'vitest'

import { classifyDatabaseError } from '../../../../cms/errors/classifyDatabaseError'

/** What drizzle throws: its own error, the driver's error as the cause. */
function drizzleError(cause: object): Error {
  return Object.assign(new Error('Failed query: select ...'), { cause })
}

describe('database errors, by what they say about the request', () => {
  it('calls data exceptions and operator mismatches the request\'s fault (400)', () => {
    expect(classifyDatabaseError(drizzleError({ code: '22003', message: 'value "99999999999" is out of range for type integer' }))).toEqual({ kind: 'bad-input', reason: 'a number out of range for the field' })
    expect(classifyDatabaseError(drizzleError({ code: '22021', message: 'invalid byte sequence for encoding "UTF8": 0x00' }))).toMatchObject({ kind: 'bad-input', reason: expect.stringContaining('NUL') })
    expect(classifyDatabaseError(drizzleError({ code: '2201X', message: 'OFFSET must not be negative' }))).toMatchObject({ kind: 'bad-input' })
    expect(classifyDatabaseError(drizzleError({ code: '42883' }))).toMatchObject({ kind: 'bad-input' })
    expect(classifyDatabaseError(drizzleError({ code: '23502' }))).toMatchObject({ kind: 'bad-input' })
  })

  it('calls a unique violation a conflict (409)', () => {
    expect(classifyDatabaseError(drizzleError({ code: '23505' }))).toEqual({ kind: 'conflict' })
  })

  it('calls a refused, dropped or shut-down connection an outage (503)', () => {
    expect(classifyDatabaseError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' }))).toEqual({ kind: 'unavailable' })
    expect(classifyDatabaseError(drizzleError({ code: '57P01', message: 'terminating connection due to administrator command' }))).toEqual({ kind: 'unavailable' })
    expect(classifyDatabaseError(drizzleError(new Error('Connection terminated unexpectedly')))).toEqual({ kind: 'unavailable' })
    expect(classifyDatabaseError(drizzleError({ code: '08006' }))).toEqual({ kind: 'unavailable' })
    // A GraphQL resolver's error, as Payload's GraphQL hands it to afterError.
    expect(classifyDatabaseError(Object.assign(new Error('Failed query'), { originalError: drizzleError({ code: 'ECONNREFUSED' }) }))).toEqual({ kind: 'unavailable' })
  })

  it('leaves everything else alone: a real fault stays a 500', () => {
    expect(classifyDatabaseError(new TypeError('x is not a function'))).toBeNull()
    expect(classifyDatabaseError(drizzleError({ code: '42P01', message: 'relation "nope" does not exist' }))).toBeNull()
    expect(classifyDatabaseError('a string')).toBeNull()
  })
})
