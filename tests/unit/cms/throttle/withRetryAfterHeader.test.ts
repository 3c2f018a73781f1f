import { describe, expect, it } from 'vitest'

import { retryAfterFromErrorBody, withRetryAfterHeader } from '../../../../cms/throttle/withRetryAfterHeader'

const payload429 = { errors: [{ name: 'APIError', message: 'Too many requests: try again in 42 seconds.', data: { retryAfterSeconds: 42 } }] }

function answering(response: Response) {
  return withRetryAfterHeader(async (_request: Request, _context: unknown) => response)
}

describe('withRetryAfterHeader', () => {
  it("copies a Payload 429's retryAfterSeconds into Retry-After and keeps the body", async () => {
    const response = await answering(Response.json(payload429, { status: 429 }))(new Request('http://cms/api/pages'), {})
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('42')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual(payload429)
  })

  it('leaves other answers, and a 429 that already says when, untouched', async () => {
    const ok = Response.json({ docs: [] })
    expect(await answering(ok)(new Request('http://cms/api/pages'), {})).toBe(ok)
    const said = new Response('{}', { status: 429, headers: { 'Retry-After': '7' } })
    expect((await answering(said)(new Request('http://cms/api/pages'), {})).headers.get('retry-after')).toBe('7')
  })

  it('echoes only a sane whole number of seconds', () => {
    expect(retryAfterFromErrorBody({ errors: [{ data: { retryAfterSeconds: '5' } }] })).toBeNull()
    expect(retryAfterFromErrorBody({ errors: [{ data: { retryAfterSeconds: 1e9 } }] })).toBeNull()
    expect(retryAfterFromErrorBody({ errors: [{ data: { retryAfterSeconds: 0.5 } }] })).toBeNull()
    expect(retryAfterFromErrorBody('not an object')).toBeNull()
  })

  it('answers a 429 whose body is not JSON as it is', async () => {
    const response = await answering(new Response('slow down', { status: 429 }))(new Request('http://cms/api/pages'), {})
    expect(response.headers.get('retry-after')).toBeNull()
    expect(await response.text()).toBe('slow down')
  })
})
