/**
 * Issue 10, defence in depth: a renderer worker whose event loop is blocked is detected by the
 * cluster primary's watchdog (heartbeats over IPC), killed with SIGKILL and replaced, while the
 * other worker keeps answering. The site here is a renderer of its own (2 workers, the
 * test-only freeze hook enabled by WEB_TEST_HOOKS=1) on the shared system CMS.
 */
import type { ChildProcess } from 'node:child_process'
import { request } from 'node:http'

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { webCommand } from '../../scripts/lib/serviceCommands'
import { waitForHttp } from '../../scripts/lib/waitForHttp'
import { freePort } from '../support/freePort'
import { startLoggedProcess } from '../support/startLoggedProcess'

const STALL_MS = 3_000
/** Each probe gives up after this: a request the frozen worker took never answers. */
const PROBE_TIMEOUT_MS = 1_500

type Probe = { at: number; status: number | null; servedBy: string | null; ms: number }

let web: ChildProcess | undefined
let webUrl = ''
const log: string[] = []

/** One GET on a connection of its own (node:cluster hands out connections, not requests). */
function probe(path: string, method = 'GET'): Promise<Probe & { body: string }> {
  const at = Date.now()
  return new Promise((resolve) => {
    const req = request(`${webUrl}${path}`, { method, agent: false, timeout: PROBE_TIMEOUT_MS }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () =>
        resolve({ at, status: res.statusCode ?? null, servedBy: String(res.headers['x-served-by'] ?? '') || null, ms: Date.now() - at, body }),
      )
      res.on('error', () => resolve({ at, status: null, servedBy: null, ms: Date.now() - at, body }))
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', () => resolve({ at, status: null, servedBy: null, ms: Date.now() - at, body: '' }))
    req.end()
  })
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

beforeAll(async () => {
  const port = await freePort()
  webUrl = `http://127.0.0.1:${port}`
  web = startLoggedProcess(
    'web',
    webCommand(),
    {
      ...process.env,
      NODE_ENV: 'production',
      CMS_URL: inject('cmsUrl'),
      SITE_URL: webUrl,
      WEB_PORT: String(port),
      WEB_WORKERS: '2',
      WEB_WORKER_STALL_MS: String(STALL_MS),
      WEB_TEST_HOOKS: '1',
      PURGE_SECRET: '',
      REDIS_URL: '',
    },
    log,
  )
  await waitForHttp(`${webUrl}/health`, 60_000)
  // Both workers up (and their copies of the home page rendered).
  const servedBy = new Set<string>()
  const started = Date.now()
  while (servedBy.size < 2 && Date.now() - started < 60_000) {
    const answer = await probe('/')
    if (answer.status === 200 && answer.servedBy !== null) servedBy.add(answer.servedBy)
  }
  expect([...servedBy].sort(), log.join('')).toEqual(['worker-1', 'worker-2'])
})

afterAll(async () => {
  if (web === undefined || web.exitCode !== null) return
  const exited = new Promise((resolve) => web?.once('exit', resolve))
  web.kill('SIGTERM')
  await exited
})

describe('the renderer worker watchdog', () => {
  it('kills a worker whose event loop is blocked and replaces it, the site answering throughout from the other', async () => {
    const frozeAt = Date.now()
    const freeze = await probe(`/_test/freeze?ms=120000`, 'POST')
    expect(freeze.status).toBe(202)
    const frozen = JSON.parse(freeze.body) as { pid: number; worker: number }
    expect(isAlive(frozen.pid)).toBe(true)

    const probes: Probe[] = []
    let killedAt: number | undefined
    let replacementAt: number | undefined
    const deadline = frozeAt + STALL_MS + 30_000
    while (Date.now() < deadline) {
      const answer = await probe('/')
      probes.push(answer)
      if (killedAt === undefined && !isAlive(frozen.pid)) killedAt = Date.now()
      if (replacementAt === undefined && answer.status === 200 && answer.servedBy !== 'worker-1' && answer.servedBy !== 'worker-2') replacementAt = Date.now()
      // Done once the replacement answered and ten answers in a row were good.
      if (replacementAt !== undefined && probes.length >= 10 && probes.slice(-10).every((p) => p.status === 200)) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const output = log.join('')
    console.log(
      `worker watchdog: frozen worker killed ${killedAt === undefined ? 'never' : `${killedAt - frozeAt} ms`} after the freeze, ` +
        `replacement serving after ${replacementAt === undefined ? 'never' : `${replacementAt - frozeAt} ms`}; ` +
        `${probes.filter((p) => p.status === 200).length} of ${probes.length} probes answered 200`,
    )

    // Detected and killed within the allowance (plus the watchdog's check interval and a probe).
    expect(killedAt, output).toBeDefined()
    expect(killedAt! - frozeAt).toBeLessThan(STALL_MS + 3_000)
    expect(output).toMatch(new RegExp(`worker ${frozen.worker} \\(pid ${frozen.pid}\\) sent no heartbeat for \\d+ ms \\(event loop blocked\\); killing it \\(SIGKILL\\)`))
    expect(output).toMatch(new RegExp(`worker ${frozen.worker} stopped \\(SIGKILL\\); starting a replacement`))
    // The other worker kept answering while the frozen one was still there.
    const duringFreeze = probes.filter((p) => p.at < killedAt!)
    expect(duringFreeze.some((p) => p.status === 200)).toBe(true)
    // Replaced within seconds, and every answer since is a page.
    expect(replacementAt, output).toBeDefined()
    expect(replacementAt! - frozeAt).toBeLessThan(STALL_MS + 20_000)
    expect(probes.slice(-10).map((p) => p.status)).toEqual(Array(10).fill(200))
    // No probe waited for good: each either answered or was cut when the worker died.
    expect(Math.max(...probes.map((p) => p.ms))).toBeLessThanOrEqual(PROBE_TIMEOUT_MS + 500)
  }, 90_000)

  it('has no freeze hook unless WEB_TEST_HOOKS is set (the shared site runs without it)', async () => {
    const response = await fetch(`${inject('webUrl')}/_test/freeze?ms=1`, { method: 'POST' })
    expect(response.status).toBe(404)
    await response.body?.cancel()
  })
})
