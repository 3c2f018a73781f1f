import { startSeededStack, type SeededStack } from '../../tests/support/seededStack'
import { startCountingProxy, type CountingProxy } from './countingProxy'

export type BenchSite = SeededStack & {
  /** Every read the renderer made of the CMS (it reads through this proxy). */
  cmsReads: CountingProxy
}

/**
 * The seeded site the bench measures: the system tests' stack (tests/support/seededStack.ts)
 * with `workers` CMS and renderer processes, the renderer reading the CMS through the counting
 * proxy.
 */
export async function startBenchSite(workers: number): Promise<BenchSite> {
  let cmsReads: CountingProxy | undefined
  const stack = await startSeededStack({
    name: 'bench',
    webWorkers: workers,
    cmsWorkers: workers,
    cmsProxy: async (cmsUrl) => (cmsReads = await startCountingProxy(cmsUrl)),
  })
  if (cmsReads === undefined) {
    await stack.stop()
    throw new Error('the counting proxy did not start')
  }
  return { ...stack, cmsReads }
}
