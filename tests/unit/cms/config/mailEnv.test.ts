import { describe, expect, it } from 'vitest'

import { parseMailEnv } from '../../../../cms/config/mailEnv'

/** The cases tests/unit/cms/mail/mailTransport.test.ts leaves out: defaults, blanks and each message in full. */
describe('mail settings, edge cases', () => {
  it('reads blanks as unset, a quoted name, and a name-less bracketed address', () => {
    expect(parseMailEnv({ SMTP_URL: ' ', EMAIL_FROM: ' ' }, '/d')).toMatchObject({ smtpUrl: null, fromName: 'Python.org', fromAddress: 'noreply@python.org' })
    expect(parseMailEnv({ EMAIL_FROM: '"PSF Board" <board@python.org>' }, '/d')).toMatchObject({ fromName: 'PSF Board', fromAddress: 'board@python.org' })
    expect(parseMailEnv({ EMAIL_FROM: '<board@python.org>' }, '/d')).toMatchObject({ fromName: 'Python.org', fromAddress: 'board@python.org' })
    expect(parseMailEnv({ SMTP_URL: ' smtp://mail:25 ' }, '/d').smtpUrl).toBe('smtp://mail:25')
    expect(parseMailEnv({ PSF_ANNOUNCE_REQUEST_ADDRESS: '  ' }, '/d').psfAnnounceRequestAddress).toBeNull()
  })

  it('says what is wrong with SMTP_URL without quoting it', () => {
    const expected = 'SMTP_URL must be an smtp:// or smtps:// URL such as smtps://user:password@smtp.example.org:465'
    expect(() => parseMailEnv({ SMTP_URL: 'secret' }, '/d')).toThrow(`${expected}; the value given is not a URL.`)
    expect(() => parseMailEnv({ SMTP_URL: 'http://u:secret@h' }, '/d')).toThrow(`${expected}; the value given uses "http:".`)
    expect(() => parseMailEnv({ SMTP_URL: 'smtp:secret' }, '/d')).toThrow(`${expected}; the value given names no host.`)
  })

  it('quotes a bad sender or list address as read, trimmed, and names SMTP_URL first', () => {
    expect(() => parseMailEnv({ EMAIL_FROM: ' not an address ' }, '/d')).toThrow(/^EMAIL_FROM must be an address or "Name <address>", got "not an address"\.$/)
    expect(() => parseMailEnv({ PSF_ANNOUNCE_REQUEST_ADDRESS: ' a@b ' }, '/d')).toThrow(/^PSF_ANNOUNCE_REQUEST_ADDRESS must be an email address \(or empty for none\), got "a@b"\.$/)
    expect(() => parseMailEnv({ SMTP_URL: 'x', EMAIL_FROM: 'y', PSF_ANNOUNCE_REQUEST_ADDRESS: 'z' }, '/d')).toThrow(/^SMTP_URL/)
    expect(() => parseMailEnv({ EMAIL_FROM: 'y', PSF_ANNOUNCE_REQUEST_ADDRESS: 'z' }, '/d')).toThrow(/^EMAIL_FROM/)
  })
})
