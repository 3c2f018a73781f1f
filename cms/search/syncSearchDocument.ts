import type { Payload, PayloadRequest } from 'payload'

import { readSearchDocument } from './readSearchDocuments'
import { searchBackendFor } from './searchBackendFor'
import type { SearchDocumentKey } from './searchDocument'

/**
 * Brings one document's index entry in line with the CMS: written while the public can see the
 * document, removed once it is unpublished, cancelled or deleted. It reads the current state
 * rather than trusting what a hook saw, so running it twice, late or out of order is harmless.
 */
export async function syncSearchDocument(payload: Payload, key: SearchDocumentKey, req?: PayloadRequest): Promise<'indexed' | 'removed'> {
  const backend = searchBackendFor(payload)
  const document = await readSearchDocument(payload, key, req)
  if (document === null) {
    await backend.remove([key], req)
    return 'removed'
  }
  await backend.upsert([document], req)
  return 'indexed'
}
