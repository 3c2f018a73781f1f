/**
 * A username or address that is not text is a 400, not a crash, on both auth collections: Payload
 * lower-cases the login fields of an auth collection before it validates them, and an object there threw a TypeError
 * (a 500 to an admin's PATCH /api/accounts/<id>; bad-input fuzz seed 1167069961).
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createTestPayload } from '../../support/testPayload'

let payload: Payload
let accountId: number
let userId: number

beforeAll(async () => {
  payload = await createTestPayload('account-login-fields')
  const account = await payload.create({ collection: 'accounts', data: { username: 'login-fields', email: 'login-fields@example.org', password: 'a-long-password-1', emailVerified: true, active: true, emailPrivacy: 'nobody' }, overrideAccess: true })
  accountId = account.id
  const user = await payload.create({ collection: 'users', data: { username: 'login-fields-staff', email: 'login-fields-staff@example.org', password: 'a-long-password-1', roles: ['editor'] }, overrideAccess: true })
  userId = user.id
})

afterAll(async () => {
  await payload?.destroy()
})

describe("an account's login fields", () => {
  it.each([{ username: { text: 'x' } }, { username: ['x'] }, { username: 42 }, { email: { text: 'x' } }, { email: ['a@b.org'] }])('refuses %j with a 400 and changes nothing', async (data) => {
    const failure = await payload.update({ collection: 'accounts', id: accountId, data: data as never, overrideAccess: true }).then(
      () => null,
      (error: unknown) => error as { status?: number; message?: string },
    )
    expect(failure?.status, failure?.message).toBe(400)
    const stored = await payload.findByID({ collection: 'accounts', id: accountId, overrideAccess: true })
    expect([stored.username, stored.email]).toEqual(['login-fields', 'login-fields@example.org'])
  })
})

describe("a staff user's address", () => {
  it.each([{ email: { text: 'x' } }, { email: ['a@b.org'] }])('refuses %j with a 400 and changes nothing', async (data) => {
    const failure = await payload.update({ collection: 'users', id: userId, data: data as never, overrideAccess: true }).then(
      () => null,
      (error: unknown) => error as { status?: number; message?: string },
    )
    expect(failure?.status, failure?.message).toBe(400)
    const stored = await payload.findByID({ collection: 'users', id: userId, overrideAccess: true })
    expect(stored.email).toBe('login-fields-staff@example.org')
  })
})
