/**
 * Issue 18, the way into a fresh CMS: start-up ensures the configured admin only while the
 * database has no admin (it used to grant the admin role by email on every start, so whoever
 * took over that address became an admin at the next restart), and with ALLOW_FIRST_REGISTER=false
 * Payload's create-first-user endpoint is closed. Counted under `sign-in` by `npm run test:security`.
 */
import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureAdminUser } from '../../../cms/runtime/ensureAdminUser'
import { createCheckCounter } from '../../support/checkCounter'
import { createTestPayload } from '../../support/testPayload'

const { checks, check } = createCheckCounter()
const ADMIN = { email: 'ops@example.org', username: 'admin', password: 'a long admin password 1' }

let payload: Payload

const rolesOf = async (email: string) =>
  (await payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true, depth: 0 })).docs[0]?.roles ?? null
const userCount = async () => (await payload.count({ collection: 'users', overrideAccess: true })).totalDocs

beforeAll(async () => {
  payload = await createTestPayload('admin_at_start', { ALLOW_FIRST_REGISTER: 'false' })
})
afterAll(async () => {
  console.log(`sign-in: ${checks.run} checks, ${checks.failed} failed`)
  await payload?.destroy()
})

describe('the first-register endpoint with ALLOW_FIRST_REGISTER=false', () => {
  it('refuses to make anyone the first admin of an empty database', async () => {
    await check('first-register is 403 and creates no one', async () => {
      const request = new Request('http://localhost/api/users/first-register', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'intruder@example.org', username: 'intruder', password: 'intruder password 123' }),
      })
      const response = await handleEndpoints({ config: payload.config, request })
      expect(response.status).toBe(403)
      expect(await userCount()).toBe(0)
    })
  })
})

describe('the admin ensured at start-up', () => {
  it('is created when no admin exists, and a restart changes nothing', async () => {
    await check('created on an empty database', async () => {
      expect(await ensureAdminUser(payload, ADMIN)).toBe('created')
      expect(await rolesOf(ADMIN.email)).toEqual(['admin'])
    })
    await check('a second start keeps it as it is', async () => {
      expect(await ensureAdminUser(payload, ADMIN)).toBe('admin exists')
      expect(await userCount()).toBe(1)
    })
  })

  it('never promotes a user who takes over the admin email', async () => {
    const admin = (await payload.find({ collection: 'users', where: { email: { equals: ADMIN.email } }, overrideAccess: true })).docs[0]
    // The admin moves to another address; an editor then takes the old one.
    await payload.update({ collection: 'users', id: admin.id, data: { email: 'ops-new@example.org' }, overrideAccess: true })
    await payload.create({ collection: 'users', data: { email: ADMIN.email, username: 'taker', password: 'taker password 123', roles: ['editor'] }, overrideAccess: true })
    await check('the taker is still an editor after a restart', async () => {
      expect(await ensureAdminUser(payload, ADMIN)).toBe('admin exists')
      expect(await rolesOf(ADMIN.email)).toEqual(['editor'])
    })
    await check('the taker does not get the admin password either', async () => {
      await expect(payload.login({ collection: 'users', data: { email: ADMIN.email, password: ADMIN.password } })).rejects.toThrow()
    })

    // Even with no admin left at all, the email's holder is not promoted.
    await payload.delete({ collection: 'users', id: admin.id, overrideAccess: true })
    await check('with no admin left, the email holder is not promoted', async () => {
      expect(await ensureAdminUser(payload, ADMIN)).toBe('email taken by a non-admin')
      expect(await rolesOf(ADMIN.email)).toEqual(['editor'])
    })
  })
})
