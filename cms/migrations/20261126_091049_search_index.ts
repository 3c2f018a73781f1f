import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * The Postgres search index (cms/search/postgres/): one row per public document with a
 * weighted tsvector (title A, summary B, body C), and the dictionary of indexed words that
 * misspelt query words are corrected against.
 * - unaccent: `café` and `cafe` index and match alike (through the two text search configurations);
 * - fuzzystrmatch: levenshtein distance between a query word and the indexed words (typos);
 * - pg_trgm: a trigram index on the words, for prefix matching of the word being typed.
 * The three are contrib extensions that Postgres marks trusted: a database owner may create them.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE EXTENSION IF NOT EXISTS unaccent;
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

    DO $$
    BEGIN
      -- English stemming of unaccented words: what documents are indexed and queried with.
      IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'search_english') THEN
        CREATE TEXT SEARCH CONFIGURATION search_english (COPY = english);
        ALTER TEXT SEARCH CONFIGURATION search_english ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
      END IF;
      -- Unstemmed unaccented words: the dictionary typos are corrected against.
      IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'search_words') THEN
        CREATE TEXT SEARCH CONFIGURATION search_words (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION search_words ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
      END IF;
    END
    $$;

    CREATE TABLE IF NOT EXISTS "search_documents" (
      "type" text NOT NULL,
      "doc_id" integer NOT NULL,
      "title" text NOT NULL,
      "summary" text NOT NULL DEFAULT '',
      "body" text NOT NULL DEFAULT '',
      "url" text NOT NULL,
      "date" timestamptz,
      "document" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('search_english'::regconfig, "title"), 'A') ||
        setweight(to_tsvector('search_english'::regconfig, "summary"), 'B') ||
        setweight(to_tsvector('search_english'::regconfig, "body"), 'C')
      ) STORED,
      "indexed_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("type", "doc_id")
    );
    CREATE INDEX IF NOT EXISTS "search_documents_document_idx" ON "search_documents" USING gin ("document");

    CREATE TABLE IF NOT EXISTS "search_words" (
      "word" text PRIMARY KEY,
      "documents" integer NOT NULL DEFAULT 1
    );
    CREATE INDEX IF NOT EXISTS "search_words_word_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    DROP TABLE IF EXISTS "search_words";
    DROP TABLE IF EXISTS "search_documents";
    DROP TEXT SEARCH CONFIGURATION IF EXISTS search_words;
    DROP TEXT SEARCH CONFIGURATION IF EXISTS search_english;
    DROP EXTENSION IF EXISTS fuzzystrmatch;
    DROP EXTENSION IF EXISTS pg_trgm;
    DROP EXTENSION IF EXISTS unaccent;
  `)
}
