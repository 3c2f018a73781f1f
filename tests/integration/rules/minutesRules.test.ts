import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createTestPayload } from '../../support/testPayload'

/**
 * PSF Board minutes are addressed by their meeting's day: whatever time the day comes with, it is
 * kept as noon UTC of that day, and a second minutes for the same day is refused (python.org took
 * it, and that day's page answered 500).
 */
describe('board minutes, one per meeting day', () => {
  let payload: Payload

  beforeAll(async () => {
    payload = await createTestPayload('minutes_rules')
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  it('keeps the meeting day as noon UTC, whatever time it was given with', async () => {
    const minutes = await payload.create({ collection: 'minutes', data: { meetingDate: '2026-11-18T00:00:00.000Z', _status: 'published' } })
    expect(minutes.meetingDate).toBe('2026-11-18T12:00:00.000Z')
    const moved = await payload.update({ collection: 'minutes', id: minutes.id, data: { meetingDate: '2026-11-19T23:30:00.000Z' } })
    expect(moved.meetingDate).toBe('2026-11-19T12:00:00.000Z')
  })

  it('refuses a second minutes for the same day with a 400 and stores nothing', async () => {
    await payload.create({ collection: 'minutes', data: { meetingDate: '2026-10-07T12:00:00.000Z', _status: 'published' } })
    await expect(payload.create({ collection: 'minutes', data: { meetingDate: '2026-10-07T18:45:00.000Z', _status: 'published' } })).rejects.toMatchObject({ status: 400 })
    expect((await payload.count({ collection: 'minutes', where: { meetingDate: { equals: '2026-10-07T12:00:00.000Z' } } })).totalDocs).toBe(1)
  })

  it('requires the day once published', async () => {
    await expect(payload.create({ collection: 'minutes', data: { _status: 'published' } as never })).rejects.toMatchObject({ status: 400 })
  })
})
