import type { PayloadRequest } from 'payload'

/**
 * Runs a nested Local API call that shares `req` (and so its transaction). Payload replaces
 * `req.context` with the context given to the nested call; the outer operation's own context
 * is put back afterwards, or its later hooks would see the nested call's flags (such as
 * `skipDownloadBoxes`) and skip their work.
 */
export async function keepRequestContext<T>(req: PayloadRequest, nested: () => Promise<T>): Promise<T> {
  const ownContext = req.context
  try {
    return await nested()
  } finally {
    req.context = ownContext
  }
}
