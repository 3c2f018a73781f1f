import type { DataFromCollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import type { SearchDocument, SearchType } from './searchDocument'
import { SEARCH_TYPES } from './searchDocument'
import { eventSearchDocument, jobSearchDocument, minutesSearchDocument, pageSearchDocument, releaseSearchDocument, storySearchDocument } from './searchDocumentOf'

type IndexedCollection<S extends SearchType> = {
  /** What the public sees, as a query (the converter checks it again per document). */
  public: Where
  /** Events are read with their calendar populated: the URL needs its slug. */
  depth: number
  toSearchDocument: (doc: DataFromCollectionSlug<S>) => SearchDocument | null
}

const INDEXED: { [S in SearchType]: IndexedCollection<S> } = {
  pages: { public: { _status: { equals: 'published' } }, depth: 0, toSearchDocument: pageSearchDocument },
  releases: { public: { isPublished: { equals: true } }, depth: 0, toSearchDocument: releaseSearchDocument },
  events: { public: { cancelled: { not_equals: true } }, depth: 1, toSearchDocument: eventSearchDocument },
  'success-stories': { public: { _status: { equals: 'published' } }, depth: 0, toSearchDocument: storySearchDocument },
  minutes: { public: { _status: { equals: 'published' } }, depth: 0, toSearchDocument: minutesSearchDocument },
  // Listed jobs only; the daily expiry moves the others out of `approved`, which drops them.
  jobs: { public: { status: { equals: 'approved' } }, depth: 0, toSearchDocument: (job) => jobSearchDocument(job) },
}

const BATCH = 200

/**
 * The search document of one CMS document as it stands now (in `req`'s transaction when given),
 * or null when it is gone or not public. Reads the published version (`draft: false`): saving a
 * draft of a published page leaves the published text in the index.
 */
export async function readSearchDocument<S extends SearchType>(payload: Payload, key: { type: S; id: number }, req?: PayloadRequest): Promise<SearchDocument | null> {
  const indexed: IndexedCollection<S> = INDEXED[key.type]
  const doc = await payload.findByID({ collection: key.type, id: key.id, depth: indexed.depth, draft: false, overrideAccess: true, disableErrors: true, req })
  return doc === null ? null : indexed.toSearchDocument(doc)
}

/** Every public document of every indexed collection: what a full reindex writes. */
export async function readAllSearchDocuments(payload: Payload): Promise<SearchDocument[]> {
  const documents: SearchDocument[] = []
  for (const type of SEARCH_TYPES) documents.push(...(await readPublicDocuments(payload, type)))
  return documents
}

async function readPublicDocuments<S extends SearchType>(payload: Payload, type: S): Promise<SearchDocument[]> {
  const indexed: IndexedCollection<S> = INDEXED[type]
  const documents: SearchDocument[] = []
  for (let page = 1; ; page += 1) {
    const found = await payload.find({ collection: type, where: indexed.public, depth: indexed.depth, draft: false, overrideAccess: true, limit: BATCH, page, sort: 'id' })
    for (const doc of found.docs) {
      const document = indexed.toSearchDocument(doc)
      if (document !== null) documents.push(document)
    }
    if (!found.hasNextPage) return documents
  }
}
