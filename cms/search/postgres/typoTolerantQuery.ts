import { sql } from '@payloadcms/db-postgres'

import type { Sql, SqlRunner } from '../../database/sqlRunner'
import { allowedTypos, typoDistance } from './typoTolerance'

/** Words of a query beyond this are ignored (a query is at most 200 characters anyway). */
const MAX_QUERY_WORDS = 10
/** Corrections tried per misspelt word, closest first. */
const MAX_CORRECTIONS = 4

type Candidate = { queryWord: string; word: string; similarity: number; documents: number }

/**
 * Turns what a visitor typed into a tsquery that forgives typos, since Postgres full-text search
 * matches words exactly. Each query word (unaccented, lower-cased) matches itself or any indexed
 * word within Meilisearch's typo allowance (see typoTolerance), looked up in `search_words` with
 * fuzzystrmatch's levenshtein and ranked by pg_trgm similarity; the last word also matches as a
 * prefix, as it is often still being typed. Every word must match: `pyhton relase` becomes
 * `(pyhton | python) & (relase | release | relase:*)`, stemmed by the english configuration.
 * Null when the text has no words at all.
 */
export async function typoTolerantQuery(run: SqlRunner, text: string): Promise<Sql | null> {
  const words = await queryWords(run, text)
  if (words.length === 0) return null
  const corrections = await correctionsOf(run, words)
  const groups = words.map((word, index) => {
    const terms = [word, ...(corrections.get(word) ?? [])].map((term) => sql`plainto_tsquery('search_english', ${term})`)
    if (index === words.length - 1) terms.push(sql`to_tsquery('search_english', quote_literal(${word}) || ':*')`)
    return sql`(${sql.join(terms, sql` || `)})`
  })
  return sql.join(groups, sql` && `)
}

/** The words as the index's dictionary spells them, in the order typed (unaccented, unstemmed, host names split). */
async function queryWords(run: SqlRunner, text: string): Promise<string[]> {
  const result = await run.execute(sql`
    SELECT lexeme FROM unnest(to_tsvector('search_words', search_text(${text}))) ORDER BY positions[1] LIMIT ${MAX_QUERY_WORDS}
  `)
  return result.rows.map((row) => String(row.lexeme))
}

async function correctionsOf(run: SqlRunner, words: string[]): Promise<Map<string, string[]>> {
  const typoWords = words.filter((word) => allowedTypos(word) > 0 && /\p{L}/u.test(word))
  if (typoWords.length === 0) return new Map()
  // Levenshtein counts a swap as two edits: the bound is twice the allowance, refined below.
  const result = await run.execute(sql`
    SELECT q.word AS "queryWord", w.word, similarity(w.word, q.word) AS similarity, w.documents
    FROM jsonb_array_elements_text(${JSON.stringify(typoWords)}::jsonb) AS q(word)
    CROSS JOIN LATERAL (SELECT CASE WHEN length(q.word) >= 9 THEN 2 ELSE 1 END AS typos) allowance
    JOIN search_words w
      ON w.word <> q.word
     AND length(w.word) BETWEEN length(q.word) - allowance.typos AND length(q.word) + allowance.typos
     AND levenshtein_less_equal(w.word, q.word, 2 * allowance.typos) <= 2 * allowance.typos
  `)
  const candidates: Candidate[] = result.rows.map((row) => ({
    queryWord: String(row.queryWord),
    word: String(row.word),
    similarity: Number(row.similarity),
    documents: Number(row.documents),
  }))
  const corrections = new Map<string, string[]>()
  for (const word of typoWords) {
    const close = candidates
      .filter((candidate) => candidate.queryWord === word)
      .map((candidate) => ({ ...candidate, distance: typoDistance(word, candidate.word) }))
      .filter((candidate) => candidate.distance <= allowedTypos(word))
      .sort((a, b) => a.distance - b.distance || b.similarity - a.similarity || b.documents - a.documents || a.word.localeCompare(b.word))
      .slice(0, MAX_CORRECTIONS)
    corrections.set(word, close.map((candidate) => candidate.word))
  }
  return corrections
}
