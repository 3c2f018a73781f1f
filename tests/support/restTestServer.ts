import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { handleEndpoints, type Payload } from 'payload'

/**
 * The CMS's REST router (Payload's handleEndpoints, which the Next.js route calls) over HTTP on a
 * free port, for tests that drive the renderer's CMS client against real routes.
 */
export async function startRestTestServer(payload: Payload): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
      const body = chunks.length > 0 && req.method !== 'GET' ? Buffer.concat(chunks) : undefined
      const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body })
      handleEndpoints({ config: Promise.resolve(payload.config), request })
        .then(async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers.entries()))
          res.end(Buffer.from(await response.arrayBuffer()))
        })
        .catch((error: unknown) => {
          res.writeHead(599)
          res.end(String(error))
        })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
