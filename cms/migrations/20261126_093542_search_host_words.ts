import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Host names split into words for the search index: Postgres's parser reads `python.org` or
 * `docs.python.org` as one token, so a search for `python` (or `pyhton`) missed the pages that
 * only name the site, where Meilisearch, splitting at the dots, finds them. `search_text()`
 * puts a space after a dot between letters; the indexed vector, the word dictionary and the
 * query words all go through it (cms/search/postgres/). Version numbers (3.14.7) stay whole.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE OR REPLACE FUNCTION search_text(value text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT regexp_replace(value, '([[:alpha:]])[.](?=[[:alpha:]])', '\\1 ', 'g') $$;

    ALTER TABLE "search_documents" DROP COLUMN "document";
    ALTER TABLE "search_documents" ADD COLUMN "document" tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('search_english'::regconfig, search_text("title")), 'A') ||
      setweight(to_tsvector('search_english'::regconfig, search_text("summary")), 'B') ||
      setweight(to_tsvector('search_english'::regconfig, search_text("body")), 'C')
    ) STORED;
    CREATE INDEX IF NOT EXISTS "search_documents_document_idx" ON "search_documents" USING gin ("document");
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    ALTER TABLE "search_documents" DROP COLUMN "document";
    ALTER TABLE "search_documents" ADD COLUMN "document" tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('search_english'::regconfig, "title"), 'A') ||
      setweight(to_tsvector('search_english'::regconfig, "summary"), 'B') ||
      setweight(to_tsvector('search_english'::regconfig, "body"), 'C')
    ) STORED;
    CREATE INDEX IF NOT EXISTS "search_documents_document_idx" ON "search_documents" USING gin ("document");
    DROP FUNCTION IF EXISTS search_text(text);
  `)
}
