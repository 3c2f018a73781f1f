import { APIError, type PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'

import { answerRequestErrors } from '../../../../cms/errors/answerRequestErrors'

const base = { context: {}, req: {} as PayloadRequest }
const unknownResult = { errors: [{ message: 'An unknown error occurred.' }] }

describe("Payload's last word on a failed request", () => {
  it('turns a database refusal of a value into a 400 and a lost database into a 503, for REST and GraphQL', async () => {
    const outOfRange = Object.assign(new Error('Failed query'), { cause: { code: '22003' } })
    expect(await answerRequestErrors({ ...base, error: outOfRange, result: unknownResult })).toMatchObject({ status: 400, response: { errors: [{ message: expect.stringContaining('out of range') }] } })
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
    expect(await answerRequestErrors({ ...base, error: refused, result: unknownResult })).toMatchObject({ status: 503 })
    expect(await answerRequestErrors({ ...base, error: refused, graphqlResult: { message: 'Something went wrong.' } })).toMatchObject({ graphqlResult: { message: expect.stringContaining('unavailable'), extensions: { statusCode: 503 } } })
  })

  it('turns a unique violation into a 409', async () => {
    const unique = Object.assign(new Error('Failed query'), { cause: { code: '23505' } })
    expect(await answerRequestErrors({ ...base, error: unique, result: unknownResult })).toMatchObject({ status: 409 })
  })

  it('restores the message of a public 4xx that Payload formatted as "An unknown error occurred."', async () => {
    const invalidJson = new APIError('Invalid JSON', 400, null, true)
    expect(await answerRequestErrors({ ...base, error: invalidJson, result: unknownResult })).toEqual({ status: 400, response: { errors: [{ message: 'Invalid JSON' }] } })
    expect(await answerRequestErrors({ ...base, error: invalidJson, result: { errors: [{ message: 'Invalid JSON' }] } })).toBeUndefined()
  })

  it('answers a multipart body busboy cannot read with a 400', async () => {
    expect(await answerRequestErrors({ ...base, error: new Error('Unexpected end of form'), result: unknownResult })).toMatchObject({ status: 400 })
  })

  it('leaves real faults as they are', async () => {
    expect(await answerRequestErrors({ ...base, error: new TypeError('boom'), result: unknownResult })).toBeUndefined()
  })
})
