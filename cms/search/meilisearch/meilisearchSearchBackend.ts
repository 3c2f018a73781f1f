import { MeilisearchApiError, Meilisearch, type EnqueuedTaskPromise, type FacetDistribution, type Hit, type MultiSearchParams, type SearchParams, type Settings } from 'meilisearch'

import { HIGHLIGHT_END, HIGHLIGHT_START, highlightedHtml } from '../highlightMarkup'
import { MAX_SEARCH_PAGE, SEARCH_PAGE_SIZE } from '../parseSearchParams'
import type { SearchBackend, SearchHit, SearchQuery } from '../SearchBackend'
import { SEARCH_TYPES, isSearchType, type SearchDocument, type SearchDocumentKey, type SearchType } from '../searchDocument'

/** Where the Meilisearch backend finds its server (MEILISEARCH_URL, MEILISEARCH_API_KEY). */
export type MeilisearchSettings = {
  url: string
  apiKey: string | null
  /** Defaults to `site-search`. */
  indexName?: string
}

/** A search document as stored in Meilisearch: `key` is the primary key (`releases-42`). */
type IndexedDocument = Omit<SearchDocument, 'date'> & { key: string; timestamp: number }

const INDEX_SETTINGS: Settings = {
  // In this order of importance: Meilisearch's "attribute" rule ranks a title match first.
  searchableAttributes: ['title', 'summary', 'body'],
  filterableAttributes: ['type'],
  sortableAttributes: ['timestamp'],
  // The default rules, then newest first among equals (python.org boosts recent releases).
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'timestamp:desc'],
  // Typo tolerance is Meilisearch's own: 1 typo from 5 characters, 2 from 9 (the defaults).
  typoTolerance: { enabled: true },
  pagination: { maxTotalHits: MAX_SEARCH_PAGE * SEARCH_PAGE_SIZE },
}

/** Long enough for a full reindex batch on a busy server; a job that times out is retried. */
const TASK_TIMEOUT_MS = 120_000
const REQUEST_TIMEOUT_MS = 10_000
const ADD_BATCH = 1000

/**
 * Search on a Meilisearch server, used when MEILISEARCH_URL is set. Writes are sent after the
 * commit by the `indexSearchDocument` job (the index is another system, outside the database
 * transaction); each waits for Meilisearch's task to succeed, so a failure is a job failure
 * that Payload retries.
 */
export function createMeilisearchSearchBackend(settings: MeilisearchSettings): SearchBackend {
  const client = new Meilisearch({ host: settings.url, apiKey: settings.apiKey ?? undefined, timeout: REQUEST_TIMEOUT_MS })
  const indexName = settings.indexName ?? 'site-search'
  const index = client.index<IndexedDocument>(indexName)
  let ready: Promise<void> | null = null

  /** Creates the index with its settings once per process (and again after a failure). */
  function prepared(): Promise<void> {
    ready ??= prepareIndex(client, indexName).catch((error: unknown) => {
      ready = null
      throw error
    })
    return ready
  }

  return {
    name: 'meilisearch',
    writesInTransaction: false,

    async search(query) {
      await prepared()
      const page = searchParams(query)
      if (query.type === null) {
        const response = await index.search(query.text, { ...page, facets: ['type'] })
        return { hits: response.hits.flatMap(hitOf), facets: facetsOf(response), total: response.totalHits }
      }
      // Facets count every type: a second query without the filter, asking for counts only.
      const { results } = await client.multiSearch<MultiSearchParams, IndexedDocument>({
        queries: [
          { indexUid: indexName, q: query.text, ...page, filter: `type = "${query.type}"` },
          { indexUid: indexName, q: query.text, matchingStrategy: 'all', facets: ['type'], hitsPerPage: 0 },
        ],
      })
      const [filtered, counts] = results
      if (filtered === undefined || counts === undefined) throw new Error('Meilisearch answered a two-query search with fewer results.')
      return { hits: filtered.hits.flatMap(hitOf), facets: facetsOf(counts), total: filtered.totalHits ?? 0 }
    },

    async upsert(documents) {
      if (documents.length === 0) return
      await prepared()
      await succeeded(index.addDocuments(documents.map(indexedDocument), { primaryKey: 'key' }), 'adding documents')
    },

    async remove(keys) {
      if (keys.length === 0) return
      await prepared()
      await succeeded(index.deleteDocuments(keys.map(keyOf)), 'deleting documents')
    },

    async replaceAll(documents) {
      // Built aside, then swapped in: searches see the old index until the new one is complete.
      const staging = `${indexName}_reindex`
      await prepared()
      await client.deleteIndexIfExists(staging)
      await prepareIndex(client, staging)
      for (let start = 0; start < documents.length; start += ADD_BATCH) {
        const batch = documents.slice(start, start + ADD_BATCH).map(indexedDocument)
        await succeeded(client.index<IndexedDocument>(staging).addDocuments(batch, { primaryKey: 'key' }), 'adding documents')
      }
      await succeeded(client.swapIndexes([{ indexes: [indexName, staging], rename: false }]), 'swapping in the new index')
      await succeeded(client.deleteIndex(staging), 'deleting the old index')
    },

    async count() {
      try {
        return (await index.getStats()).numberOfDocuments
      } catch (error) {
        if (error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found') return 0
        throw error
      }
    },
  }
}

async function prepareIndex(client: Meilisearch, indexName: string): Promise<void> {
  const created = await client.createIndex(indexName, { primaryKey: 'key' }).waitTask({ timeout: TASK_TIMEOUT_MS })
  if (created.status !== 'succeeded' && created.error?.code !== 'index_already_exists') {
    throw new Error(`Meilisearch could not create the index ${indexName}: ${created.error?.message ?? created.status}`)
  }
  await succeeded(client.index(indexName).updateSettings(INDEX_SETTINGS), `configuring the index ${indexName}`)
}

async function succeeded(task: EnqueuedTaskPromise, what: string): Promise<void> {
  const done = await task.waitTask({ timeout: TASK_TIMEOUT_MS })
  if (done.status !== 'succeeded') throw new Error(`Meilisearch failed ${what}: ${done.error?.message ?? done.status}`)
}

/** Page-numbered (not offset) pagination: Meilisearch then counts every hit, up to maxTotalHits. */
function searchParams(query: SearchQuery): SearchParams & { page: number; hitsPerPage: number } {
  return {
    page: query.page,
    hitsPerPage: query.pageSize,
    // Every word must match, as on the Postgres backend ("pyhton relase" needs both).
    matchingStrategy: 'all',
    attributesToRetrieve: ['type', 'id', 'title', 'url'],
    // Cropping alone does not mark the matches: the cropped fields are highlighted too.
    attributesToHighlight: ['title', 'summary', 'body'],
    attributesToCrop: ['summary', 'body'],
    cropLength: 30,
    cropMarker: '…',
    highlightPreTag: HIGHLIGHT_START,
    highlightPostTag: HIGHLIGHT_END,
  }
}

function hitOf(hit: Hit<IndexedDocument>): SearchHit[] {
  if (!isSearchType(hit.type)) return []
  const formatted = hit._formatted ?? {}
  const passages = [formatted.summary, formatted.body].filter((text): text is string => typeof text === 'string' && text !== '')
  const snippet = passages.find((text) => text.includes(HIGHLIGHT_START)) ?? passages[0] ?? ''
  return [{
    type: hit.type,
    id: hit.id,
    title: hit.title,
    url: hit.url,
    highlightedTitle: highlightedHtml(typeof formatted.title === 'string' ? formatted.title : hit.title),
    snippet: highlightedHtml(snippet),
  }]
}

function facetsOf(response: { facetDistribution?: FacetDistribution }): Record<SearchType, number> {
  const counts = response.facetDistribution?.type ?? {}
  const facets: Record<SearchType, number> = { pages: 0, releases: 0, events: 0, 'success-stories': 0, minutes: 0, jobs: 0 }
  for (const type of SEARCH_TYPES) facets[type] = counts[type] ?? 0
  return facets
}

function keyOf(key: SearchDocumentKey): string {
  return `${key.type}-${key.id}`
}

function indexedDocument(document: SearchDocument): IndexedDocument {
  const { date, ...fields } = document
  return { ...fields, key: keyOf(document), timestamp: date === null ? 0 : Math.floor(Date.parse(date) / 1000) || 0 }
}
