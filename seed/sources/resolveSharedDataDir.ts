import path from 'node:path'

/**
 * Where the seed data lives: `../shared/data` beside the repository, unless the caller passes
 * an override. Only the seed's entry point reads `SHARED_DATA_DIR` and passes it here, so
 * everything below it takes the directory as a plain parameter.
 */
export function resolveSharedDataDir(repoRoot: string, override?: string | null): string {
  return override ? path.resolve(override) : path.resolve(repoRoot, '../shared/data')
}
