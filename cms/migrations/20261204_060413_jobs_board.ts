import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_jobs_status" AS ENUM('draft', 'review', 'approved', 'rejected', 'expired', 'removed');
  ALTER TYPE "public"."enum_users_roles" ADD VALUE 'jobs-moderator';
  CREATE TABLE "jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"company_name" varchar NOT NULL,
  	"category_id" integer NOT NULL,
  	"other_job_type" varchar,
  	"city" varchar NOT NULL,
  	"region" varchar,
  	"country" varchar NOT NULL,
  	"location_slug" varchar,
  	"remote" boolean DEFAULT false,
  	"agencies" boolean DEFAULT true,
  	"description" varchar NOT NULL,
  	"requirements" varchar NOT NULL,
  	"company_description" varchar,
  	"contact_name" varchar,
  	"email" varchar NOT NULL,
  	"url" varchar NOT NULL,
  	"status" "enum_jobs_status" DEFAULT 'draft' NOT NULL,
  	"featured" boolean DEFAULT false,
  	"expires" timestamp(3) with time zone,
  	"approved_at" timestamp(3) with time zone,
  	"created_by_id" integer,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "jobs_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"job_types_id" integer
  );
  
  CREATE TABLE "job_types" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"active" boolean DEFAULT true,
  	"created_by_id" integer,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "job_categories" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"active" boolean DEFAULT true,
  	"created_by_id" integer,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "job_review_comments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"job_id" integer NOT NULL,
  	"comment" varchar NOT NULL,
  	"created_by_id" integer,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "jobs_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "job_types_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "job_categories_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "job_review_comments_id" integer;
  ALTER TABLE "jobs" ADD CONSTRAINT "jobs_category_id_job_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."job_categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "jobs" ADD CONSTRAINT "jobs_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "jobs_rels" ADD CONSTRAINT "jobs_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "jobs_rels" ADD CONSTRAINT "jobs_rels_job_types_fk" FOREIGN KEY ("job_types_id") REFERENCES "public"."job_types"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "job_types" ADD CONSTRAINT "job_types_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "job_types" ADD CONSTRAINT "job_types_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "job_categories" ADD CONSTRAINT "job_categories_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "job_categories" ADD CONSTRAINT "job_categories_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "job_review_comments" ADD CONSTRAINT "job_review_comments_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "job_review_comments" ADD CONSTRAINT "job_review_comments_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "job_review_comments" ADD CONSTRAINT "job_review_comments_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "jobs_category_idx" ON "jobs" USING btree ("category_id");
  CREATE INDEX "jobs_country_idx" ON "jobs" USING btree ("country");
  CREATE INDEX "jobs_location_slug_idx" ON "jobs" USING btree ("location_slug");
  CREATE INDEX "jobs_remote_idx" ON "jobs" USING btree ("remote");
  CREATE INDEX "jobs_status_idx" ON "jobs" USING btree ("status");
  CREATE INDEX "jobs_expires_idx" ON "jobs" USING btree ("expires");
  CREATE INDEX "jobs_created_by_idx" ON "jobs" USING btree ("created_by_id");
  CREATE INDEX "jobs_updated_by_idx" ON "jobs" USING btree ("updated_by_id");
  CREATE INDEX "jobs_updated_at_idx" ON "jobs" USING btree ("updated_at");
  CREATE INDEX "jobs_created_at_idx" ON "jobs" USING btree ("created_at");
  CREATE INDEX "jobs_rels_order_idx" ON "jobs_rels" USING btree ("order");
  CREATE INDEX "jobs_rels_parent_idx" ON "jobs_rels" USING btree ("parent_id");
  CREATE INDEX "jobs_rels_path_idx" ON "jobs_rels" USING btree ("path");
  CREATE INDEX "jobs_rels_job_types_id_idx" ON "jobs_rels" USING btree ("job_types_id");
  CREATE UNIQUE INDEX "job_types_name_idx" ON "job_types" USING btree ("name");
  CREATE UNIQUE INDEX "job_types_slug_idx" ON "job_types" USING btree ("slug");
  CREATE INDEX "job_types_active_idx" ON "job_types" USING btree ("active");
  CREATE INDEX "job_types_created_by_idx" ON "job_types" USING btree ("created_by_id");
  CREATE INDEX "job_types_updated_by_idx" ON "job_types" USING btree ("updated_by_id");
  CREATE INDEX "job_types_updated_at_idx" ON "job_types" USING btree ("updated_at");
  CREATE INDEX "job_types_created_at_idx" ON "job_types" USING btree ("created_at");
  CREATE UNIQUE INDEX "job_categories_name_idx" ON "job_categories" USING btree ("name");
  CREATE UNIQUE INDEX "job_categories_slug_idx" ON "job_categories" USING btree ("slug");
  CREATE INDEX "job_categories_active_idx" ON "job_categories" USING btree ("active");
  CREATE INDEX "job_categories_created_by_idx" ON "job_categories" USING btree ("created_by_id");
  CREATE INDEX "job_categories_updated_by_idx" ON "job_categories" USING btree ("updated_by_id");
  CREATE INDEX "job_categories_updated_at_idx" ON "job_categories" USING btree ("updated_at");
  CREATE INDEX "job_categories_created_at_idx" ON "job_categories" USING btree ("created_at");
  CREATE INDEX "job_review_comments_job_idx" ON "job_review_comments" USING btree ("job_id");
  CREATE INDEX "job_review_comments_created_by_idx" ON "job_review_comments" USING btree ("created_by_id");
  CREATE INDEX "job_review_comments_updated_by_idx" ON "job_review_comments" USING btree ("updated_by_id");
  CREATE INDEX "job_review_comments_updated_at_idx" ON "job_review_comments" USING btree ("updated_at");
  CREATE INDEX "job_review_comments_created_at_idx" ON "job_review_comments" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_jobs_fk" FOREIGN KEY ("jobs_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_job_types_fk" FOREIGN KEY ("job_types_id") REFERENCES "public"."job_types"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_job_categories_fk" FOREIGN KEY ("job_categories_id") REFERENCES "public"."job_categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_job_review_comments_fk" FOREIGN KEY ("job_review_comments_id") REFERENCES "public"."job_review_comments"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_jobs_id_idx" ON "payload_locked_documents_rels" USING btree ("jobs_id");
  CREATE INDEX "payload_locked_documents_rels_job_types_id_idx" ON "payload_locked_documents_rels" USING btree ("job_types_id");
  CREATE INDEX "payload_locked_documents_rels_job_categories_id_idx" ON "payload_locked_documents_rels" USING btree ("job_categories_id");
  CREATE INDEX "payload_locked_documents_rels_job_review_comments_id_idx" ON "payload_locked_documents_rels" USING btree ("job_review_comments_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "jobs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "jobs_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "job_types" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "job_categories" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "job_review_comments" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "jobs" CASCADE;
  DROP TABLE "jobs_rels" CASCADE;
  DROP TABLE "job_types" CASCADE;
  DROP TABLE "job_categories" CASCADE;
  DROP TABLE "job_review_comments" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_jobs_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_job_types_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_job_categories_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_job_review_comments_fk";
  
  ALTER TABLE "users_roles" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_users_roles";
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'editor', 'release-manager', 'moderator');
  ALTER TABLE "users_roles" ALTER COLUMN "value" SET DATA TYPE "public"."enum_users_roles" USING "value"::"public"."enum_users_roles";
  DROP INDEX "payload_locked_documents_rels_jobs_id_idx";
  DROP INDEX "payload_locked_documents_rels_job_types_id_idx";
  DROP INDEX "payload_locked_documents_rels_job_categories_id_idx";
  DROP INDEX "payload_locked_documents_rels_job_review_comments_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "jobs_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "job_types_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "job_categories_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "job_review_comments_id";
  DROP TYPE "public"."enum_jobs_status";`)
}
