import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

function holderIsAlive(lockDir: string): boolean {
  try {
    const pid = Number(readFileSync(path.join(lockDir, 'pid'), 'utf8'))
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Runs `work` while holding a lock directory (mkdir is atomic), so two processes never build
 * into the same `.next` at once (parallel test runs, `npm start` beside `npm test`). A lock
 * left by a dead process is taken over.
 */
export async function withDirectoryLock<T>(lockDir: string, timeoutMs: number, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      mkdirSync(lockDir)
      writeFileSync(path.join(lockDir, 'pid'), String(process.pid))
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      if (!holderIsAlive(lockDir)) {
        rmSync(lockDir, { recursive: true, force: true })
        continue
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the lock ${lockDir}.`)
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
  }
  try {
    return await work()
  } finally {
    rmSync(lockDir, { recursive: true, force: true })
  }
}
