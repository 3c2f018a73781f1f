import type { PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'

import { profileBody, resetPasswordBody, signInBody } from '../../../collections/Accounts/endpoints/accountBodies'
import { readBody } from '../../../collections/Accounts/endpoints/accountResponses'

/** A request whose body Payload would parse to `body` (or fail to parse, as for a non-JSON body). */
function requestWith(body: () => Promise<unknown>): PayloadRequest {
  return { json: body } as unknown as PayloadRequest
}

const sent = (body: unknown): PayloadRequest => requestWith(() => Promise.resolve(body))

describe('the account endpoints\' request bodies', () => {
  it('refuse a body that is not JSON or not an object (the one NOT_JSON answer)', async () => {
    await expect(readBody(requestWith(() => Promise.reject(new SyntaxError('Unexpected token'))), signInBody)).resolves.toBeNull()
    for (const body of [null, [], 'login', 3, true]) await expect(readBody(sent(body), signInBody)).resolves.toBeNull()
  })

  it('trim text members, keep passwords as typed, and read absent or non-string members as empty', async () => {
    await expect(readBody(sent({ login: '  ada ', password: ' pass word ' }), signInBody)).resolves.toEqual({ login: 'ada', password: ' pass word ' })
    await expect(readBody(sent({ login: 42, password: ['x'] }), signInBody)).resolves.toEqual({ login: '', password: '' })
    await expect(readBody(sent({}), resetPasswordBody)).resolves.toEqual({ token: '', password: '', passwordAgain: '' })
  })

  it('pass the profile\'s choices through for the endpoint\'s own messages, and drop members not named', async () => {
    const body = await readBody(sent({ username: ' ada ', bio: 7, publicProfile: 'yes', emailPrivacy: 'public', role: 'admin' }), profileBody)
    expect(body).toEqual({ username: 'ada', firstName: '', lastName: '', bio: '', location: '', publicProfile: 'yes', emailPrivacy: 'public' })
    expect(body).not.toHaveProperty('role')
  })
})
