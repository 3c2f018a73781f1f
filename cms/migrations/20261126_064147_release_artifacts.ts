import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "release_artifacts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"note" varchar,
  	"sha256_sum" varchar,
  	"md5_sum" varchar,
  	"created_by_id" integer,
  	"updated_by_id" integer,
  	"prefix" varchar DEFAULT '',
  	"_objectkey" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  ALTER TABLE "release_files" ADD COLUMN "artifact_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "release_artifacts_id" integer;
  ALTER TABLE "release_artifacts" ADD CONSTRAINT "release_artifacts_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "release_artifacts" ADD CONSTRAINT "release_artifacts_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "release_artifacts_created_by_idx" ON "release_artifacts" USING btree ("created_by_id");
  CREATE INDEX "release_artifacts_updated_by_idx" ON "release_artifacts" USING btree ("updated_by_id");
  CREATE INDEX "release_artifacts_updated_at_idx" ON "release_artifacts" USING btree ("updated_at");
  CREATE INDEX "release_artifacts_created_at_idx" ON "release_artifacts" USING btree ("created_at");
  CREATE UNIQUE INDEX "release_artifacts_filename_idx" ON "release_artifacts" USING btree ("filename");
  ALTER TABLE "release_files" ADD CONSTRAINT "release_files_artifact_id_release_artifacts_id_fk" FOREIGN KEY ("artifact_id") REFERENCES "public"."release_artifacts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_release_artifacts_fk" FOREIGN KEY ("release_artifacts_id") REFERENCES "public"."release_artifacts"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "release_files_artifact_idx" ON "release_files" USING btree ("artifact_id");
  CREATE INDEX "payload_locked_documents_rels_release_artifacts_id_idx" ON "payload_locked_documents_rels" USING btree ("release_artifacts_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "release_artifacts" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "release_artifacts" CASCADE;
  ALTER TABLE "release_files" DROP CONSTRAINT "release_files_artifact_id_release_artifacts_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_release_artifacts_fk";
  
  DROP INDEX "release_files_artifact_idx";
  DROP INDEX "payload_locked_documents_rels_release_artifacts_id_idx";
  ALTER TABLE "release_files" DROP COLUMN "artifact_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "release_artifacts_id";`)
}
