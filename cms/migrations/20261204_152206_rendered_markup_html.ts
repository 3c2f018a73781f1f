import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'rerenderMarkup' BEFORE 'sendMail';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'rerenderMarkup' BEFORE 'sendMail';
  ALTER TABLE "pages" ADD COLUMN "content_html" varchar;
  ALTER TABLE "pages" ADD COLUMN "markup_rules_version" numeric;
  ALTER TABLE "_pages_v" ADD COLUMN "version_content_html" varchar;
  ALTER TABLE "_pages_v" ADD COLUMN "version_markup_rules_version" numeric;
  ALTER TABLE "boxes" ADD COLUMN "content_html" varchar;
  ALTER TABLE "boxes" ADD COLUMN "markup_rules_version" numeric;
  ALTER TABLE "code_samples" ADD COLUMN "copy_html" varchar;
  ALTER TABLE "code_samples" ADD COLUMN "markup_rules_version" numeric;
  ALTER TABLE "releases" ADD COLUMN "content_html" varchar;
  ALTER TABLE "releases" ADD COLUMN "markup_rules_version" numeric;
  ALTER TABLE "events" ADD COLUMN "description_html" varchar;
  ALTER TABLE "events" ADD COLUMN "markup_rules_version" numeric;
  ALTER TABLE "success_stories" ADD COLUMN "content_html" varchar;
  ALTER TABLE "success_stories" ADD COLUMN "markup_rules_version" numeric;
  ALTER TABLE "_success_stories_v" ADD COLUMN "version_content_html" varchar;
  ALTER TABLE "_success_stories_v" ADD COLUMN "version_markup_rules_version" numeric;
  ALTER TABLE "minutes" ADD COLUMN "content_html" varchar;
  ALTER TABLE "minutes" ADD COLUMN "markup_rules_version" numeric;
  ALTER TABLE "_minutes_v" ADD COLUMN "version_content_html" varchar;
  ALTER TABLE "_minutes_v" ADD COLUMN "version_markup_rules_version" numeric;
  ALTER TABLE "elections" ADD COLUMN "description_html" varchar;
  ALTER TABLE "elections" ADD COLUMN "markup_rules_version" numeric;
  ALTER TABLE "nominations" ADD COLUMN "statement_html" varchar;
  ALTER TABLE "nominations" ADD COLUMN "markup_rules_version" numeric;
  ALTER TABLE "jobs" ADD COLUMN "description_html" varchar;
  ALTER TABLE "jobs" ADD COLUMN "requirements_html" varchar;
  ALTER TABLE "jobs" ADD COLUMN "company_description_html" varchar;
  ALTER TABLE "jobs" ADD COLUMN "markup_rules_version" numeric;
  ALTER TABLE "accounts" ADD COLUMN "bio_html" varchar;
  ALTER TABLE "accounts" ADD COLUMN "markup_rules_version" numeric;
  CREATE INDEX "pages_markup_rules_version_idx" ON "pages" USING btree ("markup_rules_version");
  CREATE INDEX "_pages_v_version_version_markup_rules_version_idx" ON "_pages_v" USING btree ("version_markup_rules_version");
  CREATE INDEX "boxes_markup_rules_version_idx" ON "boxes" USING btree ("markup_rules_version");
  CREATE INDEX "code_samples_markup_rules_version_idx" ON "code_samples" USING btree ("markup_rules_version");
  CREATE INDEX "releases_markup_rules_version_idx" ON "releases" USING btree ("markup_rules_version");
  CREATE INDEX "events_markup_rules_version_idx" ON "events" USING btree ("markup_rules_version");
  CREATE INDEX "success_stories_markup_rules_version_idx" ON "success_stories" USING btree ("markup_rules_version");
  CREATE INDEX "_success_stories_v_version_version_markup_rules_version_idx" ON "_success_stories_v" USING btree ("version_markup_rules_version");
  CREATE INDEX "minutes_markup_rules_version_idx" ON "minutes" USING btree ("markup_rules_version");
  CREATE INDEX "_minutes_v_version_version_markup_rules_version_idx" ON "_minutes_v" USING btree ("version_markup_rules_version");
  CREATE INDEX "elections_markup_rules_version_idx" ON "elections" USING btree ("markup_rules_version");
  CREATE INDEX "nominations_markup_rules_version_idx" ON "nominations" USING btree ("markup_rules_version");
  CREATE INDEX "jobs_markup_rules_version_idx" ON "jobs" USING btree ("markup_rules_version");
  CREATE INDEX "accounts_markup_rules_version_idx" ON "accounts" USING btree ("markup_rules_version");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'purgeSiteCache', 'importCalendars', 'importBlogFeed', 'refreshReleaseCycles', 'pruneJobs', 'indexSearchDocument', 'reindexSearch', 'sendMail', 'expireJobs', 'remindSponsorAssets', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'purgeSiteCache', 'importCalendars', 'importBlogFeed', 'refreshReleaseCycles', 'pruneJobs', 'indexSearchDocument', 'reindexSearch', 'sendMail', 'expireJobs', 'remindSponsorAssets', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "pages_markup_rules_version_idx";
  DROP INDEX "_pages_v_version_version_markup_rules_version_idx";
  DROP INDEX "boxes_markup_rules_version_idx";
  DROP INDEX "code_samples_markup_rules_version_idx";
  DROP INDEX "releases_markup_rules_version_idx";
  DROP INDEX "events_markup_rules_version_idx";
  DROP INDEX "success_stories_markup_rules_version_idx";
  DROP INDEX "_success_stories_v_version_version_markup_rules_version_idx";
  DROP INDEX "minutes_markup_rules_version_idx";
  DROP INDEX "_minutes_v_version_version_markup_rules_version_idx";
  DROP INDEX "elections_markup_rules_version_idx";
  DROP INDEX "nominations_markup_rules_version_idx";
  DROP INDEX "jobs_markup_rules_version_idx";
  DROP INDEX "accounts_markup_rules_version_idx";
  ALTER TABLE "pages" DROP COLUMN "content_html";
  ALTER TABLE "pages" DROP COLUMN "markup_rules_version";
  ALTER TABLE "_pages_v" DROP COLUMN "version_content_html";
  ALTER TABLE "_pages_v" DROP COLUMN "version_markup_rules_version";
  ALTER TABLE "boxes" DROP COLUMN "content_html";
  ALTER TABLE "boxes" DROP COLUMN "markup_rules_version";
  ALTER TABLE "code_samples" DROP COLUMN "copy_html";
  ALTER TABLE "code_samples" DROP COLUMN "markup_rules_version";
  ALTER TABLE "releases" DROP COLUMN "content_html";
  ALTER TABLE "releases" DROP COLUMN "markup_rules_version";
  ALTER TABLE "events" DROP COLUMN "description_html";
  ALTER TABLE "events" DROP COLUMN "markup_rules_version";
  ALTER TABLE "success_stories" DROP COLUMN "content_html";
  ALTER TABLE "success_stories" DROP COLUMN "markup_rules_version";
  ALTER TABLE "_success_stories_v" DROP COLUMN "version_content_html";
  ALTER TABLE "_success_stories_v" DROP COLUMN "version_markup_rules_version";
  ALTER TABLE "minutes" DROP COLUMN "content_html";
  ALTER TABLE "minutes" DROP COLUMN "markup_rules_version";
  ALTER TABLE "_minutes_v" DROP COLUMN "version_content_html";
  ALTER TABLE "_minutes_v" DROP COLUMN "version_markup_rules_version";
  ALTER TABLE "elections" DROP COLUMN "description_html";
  ALTER TABLE "elections" DROP COLUMN "markup_rules_version";
  ALTER TABLE "nominations" DROP COLUMN "statement_html";
  ALTER TABLE "nominations" DROP COLUMN "markup_rules_version";
  ALTER TABLE "jobs" DROP COLUMN "description_html";
  ALTER TABLE "jobs" DROP COLUMN "requirements_html";
  ALTER TABLE "jobs" DROP COLUMN "company_description_html";
  ALTER TABLE "jobs" DROP COLUMN "markup_rules_version";
  ALTER TABLE "accounts" DROP COLUMN "bio_html";
  ALTER TABLE "accounts" DROP COLUMN "markup_rules_version";`)
}
