import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { publishSitePurge, SITE_PURGE_CHANNEL } from '../../../../cms/jobs/publishSitePurge'
import { startTestRedis, type TestRedis } from '../../../support/testRedis'

let redis: TestRedis
let subscriber: Redis

beforeAll(async () => {
  redis = await startTestRedis()
  subscriber = new Redis(redis.url, { retryStrategy: () => 100 })
  subscriber.on('error', () => undefined)
})

afterAll(async () => {
  subscriber?.disconnect()
  await redis?.dispose()
})

const silentLog = { warn: () => undefined }

describe('the purge task over Redis', () => {
  it('publishes the order on the site purge channel and counts the renderer processes that got it', async () => {
    const received: string[] = []
    subscriber.on('message', (_channel: string, message: string) => received.push(message))
    await subscriber.subscribe(SITE_PURGE_CHANNEL)

    const delivery = publishSitePurge(redis.url)
    await expect(delivery.deliver({ keys: ['pages'], urls: ['/about/'] }, silentLog)).resolves.toBe(1)
    await expect.poll(() => received).toEqual([JSON.stringify({ origin: 'cms', keys: ['pages'], urls: ['/about/'] })])
  })

  it('counts no subscriber as delivered, with a warning', async () => {
    await subscriber.unsubscribe(SITE_PURGE_CHANNEL)
    const warnings: string[] = []
    await expect(publishSitePurge(redis.url).deliver({ keys: ['pages'], urls: [] }, { warn: (message) => warnings.push(message) })).resolves.toBe(0)
    expect(warnings).toEqual([`No renderer is subscribed to ${SITE_PURGE_CHANNEL}: is REDIS_URL set on the site?`])
  })

  it('fails fast while Redis is down, so the job is retried, and delivers again once it is back', async () => {
    const delivery = publishSitePurge(redis.url)
    await delivery.deliver({ keys: ['pages'], urls: [] }, silentLog)
    await redis.stop()
    const started = Date.now()
    await expect(delivery.deliver({ keys: ['pages'], urls: [] }, silentLog)).rejects.toThrow()
    expect(Date.now() - started).toBeLessThan(5_000)
    await redis.start()
    await expect.poll(() => delivery.deliver({ keys: ['pages'], urls: [] }, silentLog).then(() => 'delivered', () => 'failed'), { timeout: 10_000 }).toBe('delivered')
  })
})
