import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/** What the CMS build is made from: when none of it changed, the existing build is reused. */
// lib/ holds code the CMS bundles too (the request limiter).
const BUILD_INPUTS = ['cms', 'collections', 'lib', 'package-lock.json', 'tsconfig.json']
// .build-lock holds the building process's pid: hashing it would make every build look stale.
const SKIPPED = new Set(['.next', 'node_modules', 'migrations', '.build-lock'])

function collectFiles(entry: string, into: string[]): void {
  if (!existsSync(entry)) return
  if (statSync(entry).isDirectory()) {
    for (const child of readdirSync(entry).sort()) {
      if (!SKIPPED.has(child)) collectFiles(path.join(entry, child), into)
    }
  } else {
    into.push(entry)
  }
}

export function buildFingerprint(repoRoot: string): string {
  const files: string[] = []
  for (const input of BUILD_INPUTS) collectFiles(path.join(repoRoot, input), files)
  const hash = createHash('sha256')
  for (const file of files) {
    hash.update(path.relative(repoRoot, file))
    hash.update(readFileSync(file))
  }
  return hash.digest('hex')
}

export const FINGERPRINT_FILE = path.join('cms', '.next', 'source-fingerprint')

/** True when `cms/.next` holds a build of exactly the current sources. */
export function buildIsCurrent(repoRoot: string): boolean {
  const stored = path.join(repoRoot, FINGERPRINT_FILE)
  if (!existsSync(path.join(repoRoot, 'cms/.next/BUILD_ID')) || !existsSync(stored)) return false
  return readFileSync(stored, 'utf8').trim() === buildFingerprint(repoRoot)
}
