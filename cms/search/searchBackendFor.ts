import type { Payload } from 'payload'

import { createMeilisearchSearchBackend, type MeilisearchSettings } from './meilisearch/meilisearchSearchBackend'
import { createPostgresSearchBackend } from './postgres/postgresSearchBackend'
import type { SearchBackend } from './SearchBackend'

/** `config.custom.search`, set by createPayloadConfig from MEILISEARCH_URL and MEILISEARCH_API_KEY. */
export type SearchSettings = {
  /** Null: Postgres full-text search in the CMS's own database. */
  meilisearch: MeilisearchSettings | null
}

const backends = new WeakMap<Payload, SearchBackend>()

/** The search backend of a Payload instance, made once: hooks, jobs, the endpoint and the reindex all share it. */
export function searchBackendFor(payload: Payload): SearchBackend {
  let backend = backends.get(payload)
  if (backend === undefined) {
    const settings = (payload.config.custom as { search?: SearchSettings } | undefined)?.search
    backend = settings?.meilisearch ? createMeilisearchSearchBackend(settings.meilisearch) : createPostgresSearchBackend(payload)
    backends.set(payload, backend)
  }
  return backend
}
