import { sql } from '@payloadcms/db-postgres'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

import { HIGHLIGHT_END, HIGHLIGHT_START, highlightedHtml } from '../highlightMarkup'
import type { SearchBackend, SearchHit } from '../SearchBackend'
import { SEARCH_TYPES, isSearchType, type SearchDocument, type SearchDocumentKey, type SearchType } from '../searchDocument'
import { sqlRunnerFor, type Sql, type SqlRunner } from '../../database/sqlRunner'
import { typoTolerantQuery } from './typoTolerantQuery'

const TITLE_HEADLINE = `HighlightAll=true, StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}`
/** One passage of up to 30 words around the best match, as Meilisearch crops (fragments would cut a summary short). */
const SNIPPET_HEADLINE = `MaxWords=30, MinWords=15, ShortWord=2, StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}`
/** Longest word kept in the typo dictionary: longer tokens are URLs, hashes and the like. */
const MAX_DICTIONARY_WORD = 40
const INSERT_BATCH = 100

/**
 * The default search backend: Postgres full-text search on `search_documents` (a weighted
 * tsvector: title A, summary B, body C, through the unaccenting `search_english` configuration
 * and `search_text()`, which splits host names into words), with typo tolerance from the
 * `search_words` dictionary (see typoTolerantQuery). Tables, configurations, functions and
 * extensions come from the migrations `*_search_index` and `*_search_host_words`.
 */
export function createPostgresSearchBackend(payload: Payload): SearchBackend {
  return {
    name: 'postgres',
    writesInTransaction: true,

    async search(query) {
      const run = await sqlRunnerFor(payload)
      const tsquery = await typoTolerantQuery(run, query.text)
      const facets = emptyFacets()
      if (tsquery === null) return { hits: [], facets, total: 0 }
      const counted = await run.execute(sql`
        SELECT d.type, count(*)::int AS count FROM search_documents d
        WHERE d.document @@ (${tsquery}) GROUP BY d.type
      `)
      for (const row of counted.rows) if (isSearchType(row.type)) facets[row.type] = Number(row.count)
      const total = query.type === null ? SEARCH_TYPES.reduce((sum, type) => sum + facets[type], 0) : facets[query.type]
      const offset = (query.page - 1) * query.pageSize
      if (offset >= total) return { hits: [], facets, total }
      return { hits: await pageOfHits(run, tsquery, query.type, query.pageSize, offset), facets, total }
    },

    async upsert(documents, req) {
      if (documents.length === 0) return
      const run = await sqlRunnerFor(payload, req)
      await run.execute(upsertDocuments(documents))
      // New words join the dictionary at once; words no longer used leave it at the next reindex.
      await run.execute(sql`
        INSERT INTO search_words (word)
        SELECT DISTINCT word FROM search_documents d, unnest(tsvector_to_array(to_tsvector('search_words', search_text(d.title || ' ' || d.summary || ' ' || d.body)))) AS word
        WHERE (d.type, d.doc_id) IN (${keyList(documents)}) AND length(word) <= ${MAX_DICTIONARY_WORD}
        ON CONFLICT (word) DO NOTHING
      `)
    },

    async remove(keys, req) {
      if (keys.length === 0) return
      const run = await sqlRunnerFor(payload, req)
      await run.execute(sql`DELETE FROM search_documents WHERE (type, doc_id) IN (${keyList(keys)})`)
    },

    async replaceAll(documents) {
      // One transaction: searches see the old index until the new one commits.
      const req = await createLocalReq({}, payload)
      const ownsTransaction = await initTransaction(req)
      try {
        const run = await sqlRunnerFor(payload, req)
        await run.execute(sql`DELETE FROM search_documents`)
        for (let start = 0; start < documents.length; start += INSERT_BATCH) {
          await run.execute(upsertDocuments(documents.slice(start, start + INSERT_BATCH)))
        }
        await rebuildDictionary(run)
        if (ownsTransaction) await commitTransaction(req)
      } catch (error) {
        await killTransaction(req)
        throw error
      }
    },

    async count() {
      const run = await sqlRunnerFor(payload)
      const result = await run.execute(sql`SELECT count(*)::int AS count FROM search_documents`)
      return Number(result.rows[0]?.count ?? 0)
    },
  }
}

async function pageOfHits(run: SqlRunner, tsquery: Sql, type: SearchType | null, limit: number, offset: number): Promise<SearchHit[]> {
  // Headlines are costly: only the page's documents get them, after ranking.
  const result = await run.execute(sql`
    WITH ranked AS (
      SELECT d.type, d.doc_id, d.title, d.summary, d.body, d.url, d.date, ts_rank(d.document, (${tsquery}), 1) AS rank
      FROM search_documents d
      WHERE d.document @@ (${tsquery}) AND (${type}::text IS NULL OR d.type = ${type})
      ORDER BY rank DESC, d.date DESC NULLS LAST, d.type, d.doc_id
      LIMIT ${limit} OFFSET ${offset}
    )
    SELECT r.type, r.doc_id, r.title, r.url,
      ts_headline('search_english', r.title, (${tsquery}), ${TITLE_HEADLINE}) AS marked_title,
      ts_headline('search_english', r.summary || ' ' || r.body, (${tsquery}), ${SNIPPET_HEADLINE}) AS marked_snippet
    FROM ranked r
    ORDER BY r.rank DESC, r.date DESC NULLS LAST, r.type, r.doc_id
  `)
  return result.rows.flatMap((row) => {
    if (!isSearchType(row.type)) return []
    return [{
      type: row.type,
      id: Number(row.doc_id),
      title: String(row.title),
      url: String(row.url),
      highlightedTitle: highlightedHtml(String(row.marked_title)),
      snippet: highlightedHtml(String(row.marked_snippet).trim()),
    }]
  })
}

function upsertDocuments(documents: readonly SearchDocument[]): Sql {
  const rows = documents.map(
    (doc) => sql`(${doc.type}, ${doc.id}, ${forParser(doc.title)}, ${forParser(doc.summary)}, ${forParser(doc.body)}, ${doc.url}, ${doc.date}::timestamptz)`,
  )
  return sql`
    INSERT INTO search_documents (type, doc_id, title, summary, body, url, date) VALUES ${sql.join(rows, sql`, `)}
    ON CONFLICT (type, doc_id) DO UPDATE SET
      title = EXCLUDED.title, summary = EXCLUDED.summary, body = EXCLUDED.body, url = EXCLUDED.url, date = EXCLUDED.date, indexed_at = now()
  `
}

/** The dictionary of typo corrections, exactly the words of the indexed documents. */
async function rebuildDictionary(run: SqlRunner): Promise<void> {
  await run.execute(sql`DELETE FROM search_words`)
  await run.execute(sql`
    INSERT INTO search_words (word, documents)
    SELECT word, ndoc FROM ts_stat($$SELECT to_tsvector('search_words', search_text(title || ' ' || summary || ' ' || body)) FROM search_documents$$)
    WHERE length(word) <= ${MAX_DICTIONARY_WORD}
  `)
}

function keyList(keys: readonly SearchDocumentKey[]): Sql {
  return sql.join(keys.map((key) => sql`(${key.type}, ${key.id})`), sql`, `)
}

/**
 * The default text search parser reads `<name ...>` as a markup tag and skips what follows a
 * `<script>`; the indexed text is plain, so such a `<` is the character (code, comparisons).
 */
function forParser(text: string): string {
  return text.replace(/<(?=[A-Za-z!/?])/g, '< ')
}

function emptyFacets(): Record<SearchType, number> {
  return { pages: 0, releases: 0, events: 0, 'success-stories': 0, minutes: 0, jobs: 0 }
}
