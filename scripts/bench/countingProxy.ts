import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One read the renderer made of the CMS, as the proxy saw it. */
export type CmsRead = { path: string; ms: number; status: number; cache: string | null; at: number }

export type CountingProxy = {
  readonly url: string
  /** Reads recorded since the last `take()`, which empties the record. */
  take(): CmsRead[]
  close(): Promise<void>
}

/**
 * A pass-through HTTP proxy put between the renderer and the CMS by the bench (CMS_URL points at
 * it), recording each request's path, time to the last byte and the CMS's X-CMS-Cache. It costs
 * each read one loopback hop (a fraction of a millisecond), the same in every figure it reports.
 */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target)
  let reads: CmsRead[] = []
  const server: Server = createServer((req, res) => {
    const started = performance.now()
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
        answer.on('end', () => {
          const header = answer.headers['x-cms-cache']
          reads.push({ path: req.url ?? '', ms: performance.now() - started, status: answer.statusCode ?? 0, cache: typeof header === 'string' ? header : null, at: Date.now() })
        })
      },
    )
    forward.on('error', () => {
      if (!res.headersSent) res.writeHead(502)
      res.end()
    })
    req.pipe(forward)
  })
  server.keepAliveTimeout = 65_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    take() {
      const taken = reads
      reads = []
      return taken
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
