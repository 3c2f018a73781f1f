import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { compileForProduction, PRODUCTION_ENTRIES } from '../../../scripts/lib/compileForProduction'

/**
 * Production runs the compiled JavaScript of `npm run build` with plain node (no tsx): the
 * entries compile, import no TypeScript loader, and the compiled renderer serves its pages,
 * views and static files from the repository's web/ folder.
 */
const repoRoot = process.cwd()
// Inside the repository, so that the compiled modules find node_modules as dist/ does.
// tmp/ is ignored by git: a fresh clone has none.
mkdirSync(path.join(repoRoot, 'tmp'), { recursive: true })
const outDir = mkdtempSync(path.join(repoRoot, 'tmp', 'compiled-'))

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0))
    })
  })
}

beforeAll(async () => {
  await compileForProduction(repoRoot, outDir)
}, 60_000)

afterAll(() => rmSync(outDir, { recursive: true, force: true }))

describe('compileForProduction', () => {
  it('writes one module per entry and none of them loads tsx', () => {
    for (const entry of Object.keys(PRODUCTION_ENTRIES)) expect(existsSync(path.join(outDir, `${entry}.js`)), entry).toBe(true)
    const modules = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'))
    for (const file of modules) expect(readFileSync(path.join(outDir, file), 'utf8'), file).not.toMatch(/from "tsx|import\("tsx|"tsx\//)
  })

  it('runs the CMS server with plain node: it loads and refuses a missing port', () => {
    const run = spawnSync(process.execPath, [path.join(outDir, 'cms/server.js')], { encoding: 'utf8', timeout: 60_000 })
    expect(run.stderr).toContain('needs --port')
    expect(run.status).toBe(1)
  }, 60_000)

  // The compiled commands load the Payload config in one ES module graph; on Node 20 that graph
  // (lexical's top-level awaits) can stall with "unsettled top-level await", a Node 20 loader
  // bug that Node 22+ does not have: production's Node 24 runs them (npm test runs this file on it).
  it.runIf(Number(process.versions.node.split('.')[0]) >= 22)('runs a compiled command that loads the Payload config with plain node', () => {
    const run = spawnSync(process.execPath, [path.join(outDir, 'scripts/runJob.js')], { encoding: 'utf8', timeout: 60_000 })
    expect(run.stderr).toContain('Name the task to run.')
    expect(run.status).toBe(2)
  }, 60_000)

  it('runs the renderer with plain node in production mode: health, a static file, a page', async () => {
    const port = await freePort()
    const child = spawn(process.execPath, [path.join(outDir, 'web/server.js')], {
      cwd: path.join(repoRoot, 'tmp'),
      env: { ...process.env, NODE_ENV: 'production', WEB_PORT: String(port), WEB_WORKERS: '1', CMS_URL: 'http://127.0.0.1:1', PURGE_SECRET: 'a-purge-secret-for-this-test', REDIS_URL: '' },
      stdio: 'ignore',
    })
    try {
      let health: Response | null = null
      for (let attempt = 0; attempt < 100 && health === null; attempt += 1) {
        health = await fetch(`http://127.0.0.1:${port}/health`).catch(() => null)
        if (health === null) await new Promise((resolve) => setTimeout(resolve, 200))
      }
      expect(health?.status).toBe(200)
      const css = await fetch(`http://127.0.0.1:${port}/static/css/site.css`)
      expect(css.status).toBe(200)
      expect(css.headers.get('content-type')).toContain('text/css')
      // The CMS is unreachable: the renderer's own outage page, rendered from web/src/views.
      const page = await fetch(`http://127.0.0.1:${port}/about/`)
      expect(page.status).toBe(503)
      expect(page.headers.get('content-type')).toContain('text/html')
      expect(await page.text()).toContain('</html>')
    } finally {
      child.kill('SIGTERM')
    }
  }, 60_000)
})
