import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * A secret generated once and kept in the data directory (mode 0600), for when the operator
 * did not set one: restarts keep sessions and API keys valid. `warn` is told when it happens.
 */
export function persistentSecret(dataDir: string, fileName: string, warn: (message: string) => void): string {
  const file = path.join(dataDir, fileName)
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim()
    if (stored.length >= 32) return stored
  }
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  warn(`Generated a random secret in ${file}; set it in the environment for production.`)
  return secret
}

/** Reads a secret that `persistentSecret` stored, or returns null. */
export function readStoredSecret(dataDir: string, fileName: string): string | null {
  const file = path.join(dataDir, fileName)
  return existsSync(file) ? readFileSync(file, 'utf8').trim() || null : null
}
