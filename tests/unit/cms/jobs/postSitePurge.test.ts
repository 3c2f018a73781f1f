import { createServer, type Server } from 'node:http'

import { afterEach, describe, expect, it } from 'vitest'

import { postSitePurge } from '../../../../cms/jobs/postSitePurge'
import { freePort } from '../../../support/freePort'

const servers: Server[] = []

async function renderer(status: number): Promise<{ url: string; bodies: string[] }> {
  const bodies: string[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      bodies.push(`${req.headers.authorization} ${body}`)
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}')
    })
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, bodies }
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

describe('purges posted to WEB_PURGE_URLS', () => {
  it('posts the order to every renderer with the secret', async () => {
    const [a, b] = [await renderer(200), await renderer(200)]
    const warnings: string[] = []
    const delivered = await postSitePurge({ urls: [a.url, b.url], secret: 's3cret' }).deliver({ keys: ['pages'], urls: ['/about/'] }, { warn: (m) => warnings.push(m) })
    expect(delivered).toBe(2)
    expect(a.bodies).toEqual(['Bearer s3cret {"keys":["pages"],"urls":["/about/"]}'])
    expect(b.bodies).toEqual(a.bodies)
    expect(warnings).toEqual([])
  })

  it('counts a renderer that is not running (connection refused) as purged, with a warning, not as a failure to retry', async () => {
    const running = await renderer(200)
    const stopped = `http://127.0.0.1:${await freePort()}`
    const warnings: string[] = []
    const delivered = await postSitePurge({ urls: [running.url, stopped], secret: 's3cret' }).deliver({ keys: ['boxes'], urls: [] }, { warn: (m) => warnings.push(m) })
    expect(delivered).toBe(2)
    expect(running.bodies).toHaveLength(1)
    expect(warnings).toEqual([`Site cache purge: nothing listens at ${stopped} (connection refused), so no renderer there holds a cache to purge.`])
  })

  it('fails (and so is retried) when a renderer answers an error', async () => {
    const failing = await renderer(503)
    await expect(postSitePurge({ urls: [failing.url], secret: 's3cret' }).deliver({ keys: ['boxes'], urls: [] }, { warn: () => undefined })).rejects.toThrow(
      /Site cache purge failed \(will retry\): .*: 503/,
    )
  })
})
