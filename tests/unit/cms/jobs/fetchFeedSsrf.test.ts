import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'

import { afterAll, afterEach, describe, expect, it } from 'vitest'

import { feedFetchAllowsPrivate } from '../../../../cms/config/feedFetchEnv'
import { fetchFeed } from '../../../../cms/jobs/fetchFeed'
import { isPublicAddress } from '../../../../cms/net/publicAddress'
import { createCheckCounter } from '../../../support/checkCounter'
import { freePort } from '../../../support/freePort'

/**
 * Issue 18, server-side requests: an editor's feed URL may not reach the CMS's own network, and a
 * feed's body may not exhaust its memory or hold a job forever. The block is on (the default, as
 * FEED_FETCH_ALLOW_PRIVATE is unset) except where a test says otherwise.
 */
const { checks, check } = createCheckCounter()
const REFUSED = 'refused: the host is not a public address'

type Handler = Parameters<typeof createServer>[1]
let server: Server | undefined

async function serve(handler: NonNullable<Handler>): Promise<string> {
  server = createServer(handler)
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

afterEach(async () => {
  server?.closeAllConnections()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
})

afterAll(() => {
  console.log(`ssrf: ${checks.run} checks, ${checks.failed} failed`)
})

describe('feed fetches refuse addresses that are not public', () => {
  it('is on unless FEED_FETCH_ALLOW_PRIVATE=true, and never in production', () =>
    check('allow flag', () => {
      expect(feedFetchAllowsPrivate({})).toBe(false)
      expect(feedFetchAllowsPrivate({ FEED_FETCH_ALLOW_PRIVATE: 'true', NODE_ENV: 'test' })).toBe(true)
      expect(() => feedFetchAllowsPrivate({ FEED_FETCH_ALLOW_PRIVATE: 'true', NODE_ENV: 'production' })).toThrow(/tests only/)
      expect(() => feedFetchAllowsPrivate({ FEED_FETCH_ALLOW_PRIVATE: 'yes' })).toThrow(/true or false/)
    }))

  it('classifies loopback, private, CGNAT, link-local, metadata, unique-local and IPv4-mapped addresses as not public', () =>
    check('address classes', () => {
      for (const address of ['127.0.0.1', '10.1.2.3', '172.16.5.4', '192.168.1.1', '100.64.0.1', '169.254.169.254', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00:ec2::254', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a00:1', '64:ff9b::a00:1', 'not-an-ip']) {
        expect(isPublicAddress(address), address).toBe(false)
      }
      for (const address of ['151.101.0.223', '8.8.8.8', '2a04:4e42::223', '::ffff:8.8.8.8']) expect(isPublicAddress(address), address).toBe(true)
    }))

  it('refuses 127.0.0.1 before connecting, without the errno or status of what is there', () =>
    check('loopback literal', async () => {
      const closedPort = await freePort()
      await expect(fetchFeed(`http://127.0.0.1:${closedPort}/feed`, 'text/calendar')).rejects.toThrow(new Error(`GET http://127.0.0.1:${closedPort}/feed ${REFUSED}`))
      const base = await serve((_req, res) => res.end('BEGIN:VCALENDAR'))
      let error: unknown
      await fetchFeed(`${base}/feed`, 'text/calendar').catch((caught: unknown) => (error = caught))
      expect(String(error)).toContain(REFUSED)
      expect(String(error)).not.toMatch(/ECONN|answered|\d{3} /)
    }))

  it.each([
    ['10.x', 'http://10.0.0.1/feed.ics'],
    ['metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['IPv6 loopback', 'http://[::1]/feed.ics'],
    ['IPv4-mapped IPv6', 'http://[::ffff:127.0.0.1]/feed.ics'],
    ['decimal IPv4', 'http://2130706433/feed.ics'],
  ])('refuses %s at once (%s)', (name, url) =>
    check(name, async () => {
      const started = Date.now()
      await expect(fetchFeed(url, 'text/calendar')).rejects.toThrow(REFUSED)
      expect(Date.now() - started).toBeLessThan(1_000)
    }))

  it('refuses a hostname that resolves to loopback, after resolving it', () =>
    check('hostname resolving to loopback', async () => {
      const base = await serve((_req, res) => res.end('BEGIN:VCALENDAR'))
      await expect(fetchFeed(base.replace('127.0.0.1', 'localhost') + '/feed', 'text/calendar')).rejects.toThrow(REFUSED)
    }))

  it('checks every redirect: a public host redirecting to loopback is refused', () =>
    check('redirect to loopback', async () => {
      const base = await serve((req, res) => {
        if (req.url === '/feed') res.writeHead(302, { location: `http://127.0.0.2:${(server?.address() as AddressInfo).port}/internal` }).end()
        else res.end('INTERNAL SECRET')
      })
      // The fixture server stands for a public host: only its exact address counts as public here.
      const onlyFixture = (address: string) => address === '127.0.0.1'
      await expect(fetchFeed(`${base}/feed`, 'text/calendar', { isPublic: onlyFixture })).rejects.toThrow(REFUSED)
      expect(await fetchFeed(`${base}/internal`, 'text/calendar', { isPublic: onlyFixture })).toBe('INTERNAL SECRET')
    }))

  it('follows at most 5 redirects', () =>
    check('redirect limit', async () => {
      const base = await serve((req, res) => {
        const hop = Number(req.url?.slice(1))
        if (hop < 10) res.writeHead(302, { location: `/${hop + 1}` }).end()
        else res.end('done')
      })
      expect(await fetchFeed(`${base}/5`, 'text/calendar', { allowPrivate: true })).toBe('done')
      await expect(fetchFeed(`${base}/0`, 'text/calendar', { allowPrivate: true })).rejects.toThrow('more than 5 redirects')
    }))
})

describe('feed bodies are bounded', () => {
  it('stops a gzip bomb at the decompressed limit', () =>
    check('gzip bomb', async () => {
      const bomb = gzipSync(Buffer.alloc(30 * 1024 * 1024))
      expect(bomb.length).toBeLessThan(100_000)
      const base = await serve((_req, res) => res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': bomb.length }).end(bomb))
      await expect(fetchFeed(`${base}/bomb`, 'text/calendar', { allowPrivate: true })).rejects.toThrow(/more than the 20971520 bytes/)
    }))

  it('decompresses a gzipped feed within the limit', () =>
    check('gzip feed', async () => {
      const base = await serve((_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('BEGIN:VCALENDAR')))
      expect(await fetchFeed(`${base}/feed`, 'text/calendar', { allowPrivate: true })).toBe('BEGIN:VCALENDAR')
    }))

  it('stops an endless chunked body at the byte limit', () =>
    check('endless body, bytes', async () => {
      const base = await serve((_req, res) => {
        const chunk = Buffer.alloc(64 * 1024, 'x')
        const pump = () => {
          while (res.write(chunk));
          res.once('drain', pump)
        }
        pump()
      })
      await expect(fetchFeed(`${base}/endless`, 'text/calendar', { allowPrivate: true, maxBytes: 1024 * 1024 })).rejects.toThrow(/more than the 1048576 bytes/)
    }))

  it('stops a slow endless body at the time limit', () =>
    check('endless body, time', async () => {
      const base = await serve((_req, res) => {
        res.writeHead(200)
        const timer = setInterval(() => res.write('x'), 20)
        res.on('close', () => clearInterval(timer))
      })
      const started = Date.now()
      await expect(fetchFeed(`${base}/trickle`, 'text/calendar', { allowPrivate: true, timeoutMs: 500 })).rejects.toThrow('no answer within 0.5 s')
      expect(Date.now() - started).toBeLessThan(3_000)
    }))
})
