/**
 * Issue 16, logs: in production mode the CMS and the renderer write JSON lines, each request
 * line carries a request id, and one page request's id appears in the renderer's line and in
 * the CMS's lines for the reads made to render it. A CMS and a renderer of this test's own
 * (the shared stack's output is not readable from a test file), both with NODE_ENV=production.
 */
import type { ChildProcess } from 'node:child_process'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { webCommand } from '../../scripts/lib/serviceCommands'
import { waitForHttp } from '../../scripts/lib/waitForHttp'
import { startDedicatedCms, type DedicatedCms } from '../support/dedicatedCms'
import { freePort } from '../support/freePort'
import { startLoggedProcess, stopProcesses } from '../support/startLoggedProcess'

const cmsName = 'logs-cms-x7'
const webName = 'logs-web-x7'

let cms: DedicatedCms | undefined
let web: ChildProcess | undefined
let webUrl = ''
const webLog: string[] = []

/**
 * The JSON lines of a process's output (startLoggedProcess prefixes every chunk with `[name] `).
 * Next.js prints a few start-up banners of its own (`✓ Running next.config.mjs ...`), outside
 * our logger; every line our logger writes is JSON, so no other line may carry its messages.
 */
function records(output: string, name: string): Record<string, unknown>[] {
  const lines = output
    .split(`[${name}] `)
    .join('')
    .split('\n')
    .filter((line) => line.trim() !== '')
  const plain = lines.filter((line) => !line.startsWith('{'))
  expect(plain.filter((line) => /listening on|request|stopped/.test(line)), output).toEqual([])
  return lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>)
}

beforeAll(async () => {
  cms = await startDedicatedCms(cmsName, {})
  const port = await freePort()
  webUrl = `http://127.0.0.1:${port}`
  web = startLoggedProcess(webName, webCommand(), { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', WEB_PORT: String(port), CMS_URL: cms.url, SITE_URL: webUrl, WEB_WORKERS: '1', PURGE_SECRET: '', REDIS_URL: '', TRUST_PROXY: '' }, webLog)
  await waitForHttp(`${webUrl}/health`, 60_000)
}, 900_000)

afterAll(async () => {
  if (web) await stopProcesses([web])
  await cms?.stop()
})

describe('production logs', () => {
  it('are JSON lines with a request id, the same in the renderer and the CMS for one page', async () => {
    const answer = await fetch(`${webUrl}/blogs/`)
    expect(answer.status).toBe(200)
    const id = answer.headers.get('x-request-id')
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    // Lines are written synchronously, but give the pipes a moment.
    await new Promise((resolve) => setTimeout(resolve, 500))

    const webRecords = records(webLog.join(''), webName)
    const cmsRecords = records(cms!.output(), cmsName)
    expect(webRecords.some((record) => record.name === 'web' && typeof record.msg === 'string' && record.msg.startsWith('listening on'))).toBe(true)
    expect(cmsRecords.some((record) => record.name === 'cms' && typeof record.msg === 'string' && record.msg.startsWith('listening on'))).toBe(true)

    const webLine = webRecords.find((record) => record.msg === 'request' && record.requestId === id)
    expect(webLine, webLog.join('')).toMatchObject({ level: 30, name: 'web', method: 'GET', url: '/blogs/', status: 200 })
    const cmsLines = cmsRecords.filter((record) => record.msg === 'request' && record.requestId === id)
    expect(cmsLines.length, cms!.output()).toBeGreaterThan(0)
    for (const line of cmsLines) expect(line).toMatchObject({ name: 'cms', method: 'GET' })
    for (const record of [...webRecords, ...cmsRecords].filter((r) => r.msg === 'request')) expect(typeof record.requestId).toBe('string')
  })
})
