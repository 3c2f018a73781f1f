import { describe, expect, it } from 'vitest'

import { parseFastlyEnv } from '../../../../cms/config/fastlyEnv'

/** The cases tests/unit/cms/jobs/purgeFastly.test.ts leaves out: blanks, the URL's form, which problem is named first. */
describe('FASTLY_* settings, edge cases', () => {
  it('reads blank as unset, trims the values and drops the URL\'s trailing slashes', () => {
    expect(parseFastlyEnv({ FASTLY_SERVICE_ID: ' ', FASTLY_API_TOKEN: '' })).toBeNull()
    expect(parseFastlyEnv({ FASTLY_SERVICE_ID: ' abc123 ', FASTLY_API_TOKEN: ' t ', FASTLY_API_URL: ' http://127.0.0.1:9/// ' })).toEqual({ serviceId: 'abc123', apiToken: 't', apiUrl: 'http://127.0.0.1:9' })
  })

  it('checks no URL or id when Fastly is off, and names a missing half before a bad id', () => {
    expect(parseFastlyEnv({ FASTLY_API_URL: 'ftp://x' })).toBeNull()
    expect(() => parseFastlyEnv({ FASTLY_SERVICE_ID: '../x' })).toThrow('FASTLY_SERVICE_ID and FASTLY_API_TOKEN go together.')
    expect(() => parseFastlyEnv({ FASTLY_SERVICE_ID: '../x', FASTLY_API_TOKEN: 't', FASTLY_API_URL: 'ftp://x' })).toThrow("FASTLY_SERVICE_ID must be Fastly's alphanumeric service id.")
  })

  it('quotes the bad URL as read', () => {
    expect(() => parseFastlyEnv({ FASTLY_SERVICE_ID: 'abc', FASTLY_API_TOKEN: 't', FASTLY_API_URL: ' ftp://x/ ' })).toThrow(/^FASTLY_API_URL must be an http\(s\) URL, got "ftp:\/\/x"\.$/)
  })
})
