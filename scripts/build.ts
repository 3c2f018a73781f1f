/**
 * `npm run build`: regenerates Payload's import map, builds the CMS (Next.js), then
 * compiles the servers and commands production runs into dist/ (compileForProduction), so that
 * production starts with plain `node` (docs/deploy.md). `npm start` needs only the CMS build.
 * `--if-needed` skips the CMS build when the last one was made from the same sources.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'

import { buildFingerprint, buildIsCurrent, FINGERPRINT_FILE } from './lib/buildFingerprint'
import { compileForProduction } from './lib/compileForProduction'
import { runCommand } from './lib/runCommand'
import { withDirectoryLock } from './lib/withDirectoryLock'

const repoRoot = process.cwd()

export function buildCms(options: { ifNeeded: boolean }): Promise<void> {
  return withDirectoryLock(path.join(repoRoot, 'cms/.build-lock'), 15 * 60 * 1000, () => buildUnlocked(options))
}

async function buildUnlocked(options: { ifNeeded: boolean }): Promise<void> {
  if (options.ifNeeded && buildIsCurrent(repoRoot)) {
    console.log('CMS build is up to date.')
    return
  }
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PAYLOAD_CONFIG_PATH: 'cms/payload.config.ts' }
  console.log('Generating the Payload import map...')
  await runCommand('npx', ['payload', 'generate:importmap'], env)
  // Not the types: collections/generated/payload-types.ts is committed with the collections
  // (`npm run generate`), and the renderer's schemas are type-checked against it. Regenerating
  // it here, in the system tests' set-up, would quietly bring a stale copy up to date before
  // tests/collections/generated/generatedTypesAreCurrent.test.ts could say it was stale.

  // Taken before Next.js builds (after the generated file): a source edited while the build runs
  // must leave the build stale, not be stamped as built.
  const fingerprint = buildFingerprint(repoRoot)
  console.log('Building the CMS (Next.js); this takes a few minutes on a small machine...')
  await runCommand('npx', ['next', 'build', 'cms'], { ...env, NODE_ENV: 'production' })
  writeFileSync(path.join(repoRoot, FINGERPRINT_FILE), `${fingerprint}\n`)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildCms({ ifNeeded: process.argv.includes('--if-needed') })
    .then(async () => {
      console.log('Compiling the servers and commands into dist/...')
      await compileForProduction(repoRoot, path.join(repoRoot, 'dist'))
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(1)
    })
}
