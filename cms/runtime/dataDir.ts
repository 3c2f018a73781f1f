import path from 'node:path'

/**
 * The git-ignored directory holding everything a running instance writes: the embedded
 * database, uploads, the generated secret. `DATA_DIR` overrides it (tests use temp dirs).
 */
export function resolveDataDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return path.resolve(env.DATA_DIR ?? path.join(process.cwd(), '.data'))
}
