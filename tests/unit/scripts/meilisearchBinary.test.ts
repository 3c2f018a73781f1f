import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { assertFileSha256, fileSha256 } from '../../../scripts/lib/assertFileSha256'
import { MEILISEARCH_PACKAGE, MEILISEARCH_SHA256, meilisearchBinary } from '../../../scripts/lib/meilisearchBinary'

/** The tests' Meilisearch binary runs only when its SHA-256 is the pinned one. */
const folder = mkdtempSync(path.join(tmpdir(), 'pydotorg-sha256-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

describe('assertFileSha256', () => {
  it('accepts the file whose hash is pinned and refuses one changed by a byte, naming both hashes', async () => {
    const file = path.join(folder, 'binary')
    writeFileSync(file, 'abc')
    // SHA-256("abc"), the FIPS 180-2 example.
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    expect(await fileSha256(file)).toBe(abc)
    await expect(assertFileSha256(file, abc.toUpperCase(), 'The test binary')).resolves.toBeUndefined()
    writeFileSync(file, 'abd')
    await expect(assertFileSha256(file, abc, 'The test binary')).rejects.toThrow(new RegExp(`The test binary \\(${file}\\) has SHA-256 [0-9a-f]{64}, not the pinned ${abc}`))
  })
})

describe('meilisearchBinary', () => {
  it('pins the package version the hash was taken from, and the installed binary matches it', async () => {
    const pinned = (JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> }).devDependencies[MEILISEARCH_PACKAGE]
    expect(pinned).toBe('1.3.0-1.21.0')
    expect(MEILISEARCH_SHA256).toMatch(/^[0-9a-f]{64}$/)
    expect(await fileSha256(await meilisearchBinary())).toBe(MEILISEARCH_SHA256)
  }, 60_000)
})
