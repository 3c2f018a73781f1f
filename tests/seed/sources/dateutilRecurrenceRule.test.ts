import { describe, expect, it } from 'vitest'

import { dateutilRecurrenceRule } from '../../../seed/sources/dateutilRecurrenceRule'
import { djangoDurationMinutes } from '../../../seed/sources/djangoDurationMinutes'

describe('dateutilRecurrenceRule', () => {
  it('uses dateutil frequency numbering', () => {
    const rule = (frequency: number) => dateutilRecurrenceRule({ frequency, interval: 1, until: null })
    expect([0, 1, 2, 3].map(rule)).toEqual(['FREQ=YEARLY;INTERVAL=1', 'FREQ=MONTHLY;INTERVAL=1', 'FREQ=WEEKLY;INTERVAL=1', 'FREQ=DAILY;INTERVAL=1'])
  })

  it('writes UNTIL in UTC basic format', () => {
    expect(dateutilRecurrenceRule({ frequency: 1, interval: 3, until: '2024-10-09T20:45:16+02:00' })).toBe(
      'FREQ=MONTHLY;INTERVAL=3;UNTIL=20241009T184516Z',
    )
  })

  it('rejects other frequencies and intervals below 1', () => {
    expect(() => dateutilRecurrenceRule({ frequency: 4, interval: 1, until: null })).toThrow(/Frequency 4/)
    expect(() => dateutilRecurrenceRule({ frequency: -1, interval: 1, until: null })).toThrow(/Frequency -1/)
    expect(() => dateutilRecurrenceRule({ frequency: 3, interval: 0, until: null })).toThrow(/Interval 0/)
  })
})

describe('djangoDurationMinutes', () => {
  it('reads Django duration strings', () => {
    expect(djangoDurationMinutes('00:15:00')).toBe(15)
    expect(djangoDurationMinutes('1 02:00:00')).toBe(1560)
    expect(djangoDurationMinutes('00:00:30.000000')).toBe(0.5)
  })

  it('rejects anything else', () => {
    expect(() => djangoDurationMinutes('15 min')).toThrow(/not a Django duration/)
    expect(() => djangoDurationMinutes('-1 00:00:00')).toThrow(/not a Django duration/)
  })
})
