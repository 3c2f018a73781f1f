import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'

/** The SHA-256 of a file, as lowercase hex, read as a stream (binaries of 100+ MB). */
export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(createReadStream(file), hash)
  return hash.digest('hex')
}

/** Resolves when the file's SHA-256 is the expected one; rejects naming both values otherwise. */
export async function assertFileSha256(file: string, expected: string, what: string): Promise<void> {
  const actual = await fileSha256(file)
  if (actual !== expected.toLowerCase()) {
    throw new Error(`${what} (${file}) has SHA-256 ${actual}, not the pinned ${expected}: it was changed or replaced; it is not run. Reinstall it ("npm ci").`)
  }
}
