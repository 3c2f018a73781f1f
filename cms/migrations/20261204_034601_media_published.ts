import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "media" ADD COLUMN "used_in_published_content" boolean DEFAULT false;
  CREATE INDEX "media_used_in_published_content_idx" ON "media" USING btree ("used_in_published_content");`)
  // Images already shown by published content stay public (collections/Media/hooks/markMediaPublished):
  // a story's image, and every Lexical upload node of media in published rich text.
  await db.execute(sql`
  WITH uploads AS (
    SELECT content AS doc FROM "pages" WHERE "_status" = 'published'
    UNION ALL SELECT content FROM "success_stories" WHERE "_status" = 'published'
    UNION ALL SELECT content FROM "releases" WHERE "is_published" = true
    UNION ALL SELECT description FROM "events"
  ), used AS (
    SELECT "image_id" AS id FROM "success_stories" WHERE "_status" = 'published' AND "image_id" IS NOT NULL
    UNION
    SELECT (node ->> 'value')::integer FROM uploads, jsonb_path_query(uploads.doc, 'lax $.** ? (@.type == "upload" && @.relationTo == "media")') AS node
    WHERE jsonb_typeof(node -> 'value') = 'number'
  )
  UPDATE "media" SET "used_in_published_content" = true WHERE "id" IN (SELECT id FROM used);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "media_used_in_published_content_idx";
  ALTER TABLE "media" DROP COLUMN "used_in_published_content";`)
}
