import { describe, expect, it } from 'vitest'

import { validateTimeZone } from '../../../collections/Events/timezone'

describe("an event's time zone", () => {
  it('is an IANA zone this runtime knows, or UTC; empty reads as UTC', () => {
    for (const zone of ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Calcutta', null, undefined, '']) expect(validateTimeZone(zone)).toBe(true)
  })

  it('refuses anything else with a message naming the value', () => {
    expect(validateTimeZone('Mars/Olympus_Mons')).toBe('"Mars/Olympus_Mons" is not a time zone: use an IANA name such as America/New_York or Europe/Berlin, or UTC.')
    expect(validateTimeZone('EST5EDT; DROP TABLE events')).toBe('"EST5EDT; DROP TABLE events" is not a time zone: use an IANA name such as America/New_York or Europe/Berlin, or UTC.')
    expect(validateTimeZone(42)).toBe('This value is not a time zone: use an IANA name such as America/New_York or Europe/Berlin, or UTC.')
  })
})
