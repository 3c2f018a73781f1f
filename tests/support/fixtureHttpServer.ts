import { readFile } from 'node:fs/promises'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What the server answers on one path. */
export interface FixtureResponse {
  status?: number
  contentType?: string
  body: string
}

export interface ReceivedRequest {
  method: string
  /** Path and query, as requested. */
  url: string
  headers: IncomingHttpHeaders
  body: string
}

/**
 * A real HTTP server on 127.0.0.1 for the feed-import tests: it serves whatever the test put at
 * a path (a fixture feed, an HTML error page, a 500) and records every request, so a test can
 * change a feed between two job runs and see what the CMS asked for. Unknown paths get a 404.
 */
export interface FixtureHttpServer {
  /** e.g. `http://127.0.0.1:54321`, no trailing slash. */
  readonly baseUrl: string
  url(pathAndQuery: string): string
  serve(pathAndQuery: string, response: FixtureResponse): void
  requests: ReceivedRequest[]
  close(): Promise<void>
}

export async function startFixtureHttpServer(): Promise<FixtureHttpServer> {
  const routes = new Map<string, FixtureResponse>()
  const requests: ReceivedRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = req.url ?? '/'
      requests.push({ method: req.method ?? 'GET', url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
      const route = routes.get(url)
      if (route === undefined) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end(`No fixture at ${url}`)
        return
      }
      res.writeHead(route.status ?? 200, { 'content-type': route.contentType ?? 'text/plain; charset=utf-8' }).end(route.body)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const baseUrl = `http://127.0.0.1:${port}`
  return {
    baseUrl,
    url: (pathAndQuery) => `${baseUrl}${pathAndQuery}`,
    serve: (pathAndQuery, response) => {
      routes.set(pathAndQuery, response)
    },
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

/** A fixture of tests/fixtures/feeds/, as text. */
export function readFeedFixture(name: string): Promise<string> {
  return readFile(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8')
}
