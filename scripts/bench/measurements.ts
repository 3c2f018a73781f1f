import { request } from 'node:http'

export type RecordedPage = { status: number; cache: string; headers: string[]; body: Buffer }

/** Headers Node writes itself on every response; the baseline server adds its own. */
const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding'])

/** One GET as a browser would send it (compressed), with the raw headers and bytes. */
export function recordPage(url: string, headers: Readonly<Record<string, string>> = {}): Promise<RecordedPage> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'br, gzip', ...headers }, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const headers: string[] = []
        for (let index = 0; index < res.rawHeaders.length; index += 2) {
          const [name, value] = [res.rawHeaders[index] ?? '', res.rawHeaders[index + 1] ?? '']
          if (!PER_CONNECTION.has(name.toLowerCase())) headers.push(name, value)
        }
        resolve({ status: res.statusCode ?? 0, cache: String(res.headers['x-cache']), headers, body: Buffer.concat(chunks) })
      })
    })
    req.on('error', reject)
    req.end()
  })
}

export function percentile(samples: readonly number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN
}

/** Time of one GET to the last byte, in milliseconds. */
export async function timeGet(url: string): Promise<{ ms: number; cache: string | null; status: number }> {
  const started = performance.now()
  const response = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } })
  await response.arrayBuffer()
  return { ms: performance.now() - started, cache: response.headers.get('x-cache'), status: response.status }
}

/** POST /_purge on the renderer: every worker drops what the order names. */
export async function purge(webUrl: string, secret: string, order: { all: true } | { keys?: string[]; urls: string[] }): Promise<void> {
  const response = await fetch(`${webUrl}/_purge`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify(order),
  })
  if (!response.ok) throw new Error(`purge failed: ${response.status} ${await response.text()}`)
}
