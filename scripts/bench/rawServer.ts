/**
 * The bench's baseline: a bare node:http server, with as many cluster workers as the site,
 * that answers each recorded path with exactly the status line, headers and bytes the site
 * sent for it. Whatever the site costs beyond this is the price of the cache layer.
 *
 *   tsx scripts/bench/rawServer.ts <port> <workers> <recording.json>
 */
import cluster from 'node:cluster'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

type Recording = Record<string, { headers: string[]; body: string }>

const [portArg, workersArg, recordingFile] = process.argv.slice(2)
const port = Number(portArg)
const workers = Number(workersArg)
if (!Number.isInteger(port) || !Number.isInteger(workers) || workers < 1 || recordingFile === undefined) {
  console.error('usage: rawServer.ts <port> <workers> <recording.json>')
  process.exit(2)
}

if (cluster.isPrimary && workers > 1) {
  for (let index = 0; index < workers; index += 1) cluster.fork()
  process.once('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
    process.exit(0)
  })
} else {
  const recording = JSON.parse(readFileSync(recordingFile, 'utf8')) as Recording
  const responses = new Map(Object.entries(recording).map(([path, { headers, body }]) => [path, { headers, body: Buffer.from(body, 'base64') }]))
  createServer((req, res) => {
    const response = responses.get(req.url ?? '')
    if (response === undefined) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, response.headers)
    res.end(response.body)
  }).listen(port, '127.0.0.1')
  process.once('SIGTERM', () => process.exit(0))
}
