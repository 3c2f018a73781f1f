import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_sponsorship_assets_kind" AS ENUM('image', 'text', 'link');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'remindSponsorAssets' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'remindSponsorAssets' BEFORE 'schedulePublish';
  CREATE TABLE "sponsorship_assets" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"sponsorship_id" integer NOT NULL,
  	"kind" "enum_sponsorship_assets_kind" NOT NULL,
  	"internal_name" varchar NOT NULL,
  	"due_date" timestamp(3) with time zone,
  	"benefit_name" varchar,
  	"label" varchar NOT NULL,
  	"help_text" varchar,
  	"text_value" varchar,
  	"url_value" varchar,
  	"image_id" integer,
  	"submitted_at" timestamp(3) with time zone,
  	"submitted_by_account" numeric,
  	"last_reminded_at" timestamp(3) with time zone,
  	"created_by_id" integer,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sponsorship_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"application_year" numeric,
  	"applications_open_from" timestamp(3) with time zone,
  	"applications_close_at" timestamp(3) with time zone,
  	"closed_message" varchar,
  	"asset_reminder_days" numeric DEFAULT 14,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sponsorship_assets_id" integer;
  ALTER TABLE "sponsorship_assets" ADD CONSTRAINT "sponsorship_assets_sponsorship_id_sponsorships_id_fk" FOREIGN KEY ("sponsorship_id") REFERENCES "public"."sponsorships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorship_assets" ADD CONSTRAINT "sponsorship_assets_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorship_assets" ADD CONSTRAINT "sponsorship_assets_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorship_assets" ADD CONSTRAINT "sponsorship_assets_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "sponsorship_assets_sponsorship_idx" ON "sponsorship_assets" USING btree ("sponsorship_id");
  CREATE INDEX "sponsorship_assets_internal_name_idx" ON "sponsorship_assets" USING btree ("internal_name");
  CREATE INDEX "sponsorship_assets_due_date_idx" ON "sponsorship_assets" USING btree ("due_date");
  CREATE INDEX "sponsorship_assets_image_idx" ON "sponsorship_assets" USING btree ("image_id");
  CREATE INDEX "sponsorship_assets_submitted_at_idx" ON "sponsorship_assets" USING btree ("submitted_at");
  CREATE INDEX "sponsorship_assets_created_by_idx" ON "sponsorship_assets" USING btree ("created_by_id");
  CREATE INDEX "sponsorship_assets_updated_by_idx" ON "sponsorship_assets" USING btree ("updated_by_id");
  CREATE INDEX "sponsorship_assets_updated_at_idx" ON "sponsorship_assets" USING btree ("updated_at");
  CREATE INDEX "sponsorship_assets_created_at_idx" ON "sponsorship_assets" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sponsorship_assets_fk" FOREIGN KEY ("sponsorship_assets_id") REFERENCES "public"."sponsorship_assets"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_sponsorship_assets_id_idx" ON "payload_locked_documents_rels" USING btree ("sponsorship_assets_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "sponsorship_assets" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsorship_settings" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "sponsorship_assets" CASCADE;
  DROP TABLE "sponsorship_settings" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sponsorship_assets_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'purgeSiteCache', 'importCalendars', 'importBlogFeed', 'refreshReleaseCycles', 'pruneJobs', 'indexSearchDocument', 'reindexSearch', 'sendMail', 'expireJobs', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'purgeSiteCache', 'importCalendars', 'importBlogFeed', 'refreshReleaseCycles', 'pruneJobs', 'indexSearchDocument', 'reindexSearch', 'sendMail', 'expireJobs', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_sponsorship_assets_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sponsorship_assets_id";
  DROP TYPE "public"."enum_sponsorship_assets_kind";`)
}
