import { describe, expect, it } from 'vitest'

import { emailProblem, passwordProblem, usernameProblem } from '../../../collections/Accounts/accountRules'
import { hashToken, parseToken } from '../../../collections/Accounts/accountTokens'

describe('python.org\'s sign-up rules', () => {
  it('takes ASCII usernames of letters, digits and @.+-_ up to 150 characters, and refuses the names its URLs use', () => {
    for (const name of ['ada', 'Ada.Lovelace', 'a+b@c_d-e', 'x'.repeat(150)]) expect(usernameProblem(name), name).toBeNull()
    for (const name of ['', 'édith', 'two words', 'a/b', '<script>', 'x'.repeat(151), 'edit', 'Membership', 'NOMINATIONS', 'sponsorships', 'delete']) {
      expect(usernameProblem(name), name).not.toBeNull()
    }
  })

  it('takes passwords of 8 to 256 characters', () => {
    expect(passwordProblem('1234567')).not.toBeNull()
    expect(passwordProblem('12345678')).toBeNull()
    expect(passwordProblem('x'.repeat(256))).toBeNull()
    expect(passwordProblem('x'.repeat(257))).not.toBeNull()
  })

  it('takes an address with one @ and a dotted domain', () => {
    expect(emailProblem('ada@example.org')).toBeNull()
    for (const address of ['', 'ada', 'ada@example', 'a b@example.org', 'a@b@example.org', `${'x'.repeat(250)}@example.org`]) expect(emailProblem(address), address).not.toBeNull()
  })
})

describe('one-use link tokens', () => {
  it('reads a token\'s purpose from its prefix and hashes it; anything else is not a token', () => {
    const token = `r-${'A'.repeat(43)}`
    expect(parseToken(token)).toEqual({ purpose: 'reset', hash: hashToken(token) })
    expect(parseToken(`v-${'b'.repeat(43)}`)?.purpose).toBe('verify')
    expect(parseToken(`e-${'-'.repeat(43)}`)?.purpose).toBe('email')
    for (const bad of [undefined, 42, '', `x-${'A'.repeat(43)}`, `r-${'A'.repeat(42)}`, `r-${'A'.repeat(44)}`, `r-${'A'.repeat(42)}/`]) expect(parseToken(bad)).toBeNull()
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/)
    expect(hashToken(token)).not.toContain(token)
  })
})
