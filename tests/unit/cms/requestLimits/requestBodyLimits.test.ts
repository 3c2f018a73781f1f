import { request as httpRequest, createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, afterEach, describe, expect, it } from 'vitest'

import { bodyFamilyOf, enforceBodyLimit, requestBodyLimits } from '../../../../cms/requestLimits/requestBodyLimits'
import { createCheckCounter } from '../../../support/checkCounter'

/**
 * Issue 18, bodies read before limits and access: the CMS's HTTP server (cms/server.ts) caps a
 * body per route family before Next.js reads it. Here the same function sits in front of a handler
 * that reads the whole body, as Next.js does, over real HTTP.
 */
const { checks, check } = createCheckCounter()
const limits = requestBodyLimits(1024 * 1024)
let server: Server | undefined
let reads: number[] = []

async function start(): Promise<string> {
  reads = []
  server = createServer((req, res) => {
    if (!enforceBodyLimit(req, res, limits)) return
    let size = 0
    req.on('data', (chunk: Buffer) => (size += chunk.length))
    req.on('end', () => {
      reads.push(size)
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ read: size }))
    })
    req.on('error', () => reads.push(size))
  })
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

afterEach(async () => {
  server?.closeAllConnections()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
})

afterAll(() => {
  console.log(`body limits: ${checks.run} checks, ${checks.failed} failed`)
})

type Answer = { status: number; body: string; contentType: string | undefined; sentBytes: number }

/** POSTs `total` bytes, with a Content-Length or chunked, stopping early when the server answers. */
function post(base: string, path: string, total: number, options: { chunked?: boolean; contentType?: string; resetIsAnAnswer?: boolean } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' }
    if (!options.chunked) headers['content-length'] = String(total)
    const outgoing = httpRequest(`${base}${path}`, { method: 'POST', headers })
    let sent = 0
    let answered = false
    outgoing.on('response', (response: IncomingMessage) => {
      answered = true
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      const settle = () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString(), contentType: response.headers['content-type'], sentBytes: sent })
      response.on('end', settle)
      // A reset after the status line ends the answer without 'end': what arrived is the answer.
      response.on('close', settle)
      response.on('error', () => undefined)
    })
    outgoing.on('error', (error) => {
      if (answered) return
      // A client still writing when the server cuts the connection may see the reset before it
      // has parsed the 413 that preceded it (seen under load): that too is the server cutting off.
      if (options.resetIsAnAnswer) resolve({ status: 0, body: '', contentType: undefined, sentBytes: sent })
      else reject(error)
    })
    const chunk = Buffer.alloc(16 * 1024, 'x')
    const pump = () => {
      while (sent < total && !answered) {
        const piece = chunk.subarray(0, Math.min(chunk.length, total - sent))
        sent += piece.length
        if (!outgoing.write(piece)) return void outgoing.once('drain', pump)
      }
      if (!answered) outgoing.end()
    }
    pump()
  })
}

describe('request bodies are capped per route family before anything reads them', () => {
  it('sorts requests into GraphQL, legacy API, uploads and JSON', () =>
    check('families', () => {
      expect(bodyFamilyOf('/api/graphql', 'application/json')).toBe('graphql')
      expect(bodyFamilyOf('/api/v1/downloads/release/?x', 'application/json')).toBe('legacyApi')
      expect(bodyFamilyOf('/api/media', 'multipart/form-data; boundary=x')).toBe('upload')
      expect(bodyFamilyOf('/api/pages', 'application/json')).toBe('json')
      expect(bodyFamilyOf('/admin/collections/pages', 'multipart/form-data; boundary=x')).toBe('json')
      expect(limits.upload).toBe(2 * 1024 * 1024)
    }))

  it.each([
    ['GraphQL', '/api/graphql', 'application/json', limits.graphql],
    ['legacy API', '/api/v1/downloads/release/', 'application/json', limits.legacyApi],
    ['REST JSON', '/api/pages', 'application/json', limits.json],
    ['upload', '/api/media', 'multipart/form-data; boundary=x', limits.upload],
  ])('answers 413 at once to a declared %s body over its limit, reading nothing', (name, path, contentType, limit) =>
    check(`${name} Content-Length`, async () => {
      const base = await start()
      const answer = await post(base, path, limit + 1, { contentType })
      expect(answer.status).toBe(413)
      expect(answer.contentType).toBe('application/json; charset=utf-8')
      expect(JSON.parse(answer.body)).toEqual({ errors: [{ message: expect.stringContaining(`at most ${limit} bytes`) }] })
      expect(reads).toEqual([])
      expect((await post(base, path, limit, { contentType })).status).toBe(200)
    }))

  it('stops a chunked body at the limit: the reader never gets more, the client a 413 once it has sent it', () =>
    check('chunked body counted', async () => {
      const base = await start()
      const answer = await post(base, '/api/graphql', 8 * 1024 * 1024, { chunked: true })
      expect(answer.status).toBe(413)
      expect(JSON.parse(answer.body)).toEqual({ errors: [{ message: `A GraphQL request may be at most ${limits.graphql} bytes.` }] })
      expect(Math.max(0, ...reads)).toBeLessThanOrEqual(limits.graphql)
    }))

  it('cuts off an endless body after discarding 64 MiB past the limit', () =>
    check('endless chunked body cut off', async () => {
      const base = await start()
      const answer = await post(base, '/api/graphql', 200 * 1024 * 1024, { chunked: true, resetIsAnAnswer: true })
      // The 413, or a reset that overtook it; either way the server stopped reading.
      expect([413, 0]).toContain(answer.status)
      expect(answer.sentBytes).toBeLessThan(100 * 1024 * 1024)
    }))

  it('passes a chunked body within the limit whole', () =>
    check('chunked body within limit', async () => {
      const base = await start()
      const answer = await post(base, '/api/pages', 300 * 1024, { chunked: true })
      expect(answer.status).toBe(200)
      expect(JSON.parse(answer.body)).toEqual({ read: 300 * 1024 })
    }))
})
