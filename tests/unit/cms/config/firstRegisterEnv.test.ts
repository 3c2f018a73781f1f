import { afterAll, describe, expect, it } from 'vitest'

import { parseAllowFirstRegister } from '../../../../cms/config/firstRegisterEnv'
import { adminStartProblem } from '../../../../cms/runtime/adminStartProblem'
import { createCheckCounter } from '../../../support/checkCounter'

/** Issue 18: a production CMS with no account and no admin configured does not start. */
const { checks, check } = createCheckCounter()
afterAll(() => console.log(`sign-in: ${checks.run} checks, ${checks.failed} failed`))

describe('ALLOW_FIRST_REGISTER', () => {
  it('is open on a developer machine and closed in production unless set', async () => {
    await check('defaults', () => {
      expect(parseAllowFirstRegister({})).toBe(true)
      expect(parseAllowFirstRegister({ NODE_ENV: 'production' })).toBe(false)
      expect(parseAllowFirstRegister({ NODE_ENV: 'production', ALLOW_FIRST_REGISTER: 'true' })).toBe(true)
      expect(parseAllowFirstRegister({ ALLOW_FIRST_REGISTER: 'false' })).toBe(false)
    })
    await check('a bad value stops start-up', () => {
      expect(() => parseAllowFirstRegister({ ALLOW_FIRST_REGISTER: 'yes' })).toThrow('ALLOW_FIRST_REGISTER must be true or false')
    })
    await check('blanks and case', () => {
      expect(parseAllowFirstRegister({ NODE_ENV: 'production', ALLOW_FIRST_REGISTER: ' TRUE ' })).toBe(true)
      expect(parseAllowFirstRegister({ NODE_ENV: 'production', ALLOW_FIRST_REGISTER: ' ' })).toBe(false)
      expect(() => parseAllowFirstRegister({ ALLOW_FIRST_REGISTER: ' Yes ' })).toThrow(/^ALLOW_FIRST_REGISTER must be true or false, got " Yes "\.$/)
    })
  })
})

describe('adminStartProblem', () => {
  const fresh = { production: true, adminConfigured: false, allowFirstRegister: false, users: 0 }
  it('refuses a production start with no account, no admin configured and first-register closed', async () => {
    await check('refused', () => {
      expect(adminStartProblem(fresh)).toMatch(/^Refusing to start: NODE_ENV=production.*ADMIN_EMAIL and ADMIN_PASSWORD.*ALLOW_FIRST_REGISTER=true/)
    })
  })
  it('starts with an admin configured, accounts in the database, first-register allowed, or outside production', async () => {
    await check('allowed', () => {
      expect(adminStartProblem({ ...fresh, adminConfigured: true })).toBeNull()
      expect(adminStartProblem({ ...fresh, users: 3 })).toBeNull()
      expect(adminStartProblem({ ...fresh, allowFirstRegister: true })).toBeNull()
      expect(adminStartProblem({ ...fresh, production: false })).toBeNull()
    })
  })
})
