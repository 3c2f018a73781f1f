import { _internal_jobSystemGlobals, _internal_resetJobSystemGlobals, type CollectionSlug, type Payload } from 'payload'

/** Every document of a collection, by id, as stored (depth 0): for "nothing changed" checks. */
export async function snapshotCollection(payload: Payload, collection: CollectionSlug): Promise<unknown[]> {
  const { docs } = await payload.find({ collection, sort: 'id', limit: 0, pagination: false, depth: 0, overrideAccess: true })
  return docs
}

/**
 * Runs the scheduled queue as its runner would, `aheadMs` in the future: jobs waiting for a
 * retry back-off (or a scheduled time) before then are due. Payload's job system reads "now"
 * through these globals for exactly this.
 */
export async function runQueueLater(payload: Payload, queue: string, aheadMs: number): Promise<void> {
  _internal_jobSystemGlobals.getCurrentDate = () => new Date(Date.now() + aheadMs)
  try {
    await payload.jobs.run({ queue, limit: 10 })
  } finally {
    _internal_resetJobSystemGlobals()
  }
}

/** Waits until `check` holds, polling; fails naming `what` after `timeoutMs`. */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
