import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * A scratch data directory for malformed-input tests. `write` stores a value as JSON, or a
 * string as it is (to test unparsable files); `cleanUp` removes the directory.
 */
export async function temporaryDataDir(): Promise<{
  dir: string
  write: (relativePath: string, content: unknown) => Promise<string>
  cleanUp: () => Promise<void>
}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'seed-sources-'))
  return {
    dir,
    write: async (relativePath, content) => {
      const file = path.join(dir, relativePath)
      await mkdir(path.dirname(file), { recursive: true })
      await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2))
      return file
    },
    cleanUp: () => rm(dir, { recursive: true, force: true }),
  }
}
