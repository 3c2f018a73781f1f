import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_minutes_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__minutes_v_version_status" AS ENUM('draft', 'published');
  CREATE TABLE "minutes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"meeting_date" timestamp(3) with time zone,
  	"content" jsonb,
  	"created_by_id" integer,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_minutes_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_minutes_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_meeting_date" timestamp(3) with time zone,
  	"version_content" jsonb,
  	"version_created_by_id" integer,
  	"version_updated_by_id" integer,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__minutes_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "minutes_id" integer;
  ALTER TABLE "minutes" ADD CONSTRAINT "minutes_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "minutes" ADD CONSTRAINT "minutes_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_minutes_v" ADD CONSTRAINT "_minutes_v_parent_id_minutes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."minutes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_minutes_v" ADD CONSTRAINT "_minutes_v_version_created_by_id_users_id_fk" FOREIGN KEY ("version_created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_minutes_v" ADD CONSTRAINT "_minutes_v_version_updated_by_id_users_id_fk" FOREIGN KEY ("version_updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "minutes_meeting_date_idx" ON "minutes" USING btree ("meeting_date");
  CREATE INDEX "minutes_created_by_idx" ON "minutes" USING btree ("created_by_id");
  CREATE INDEX "minutes_updated_by_idx" ON "minutes" USING btree ("updated_by_id");
  CREATE INDEX "minutes_updated_at_idx" ON "minutes" USING btree ("updated_at");
  CREATE INDEX "minutes_created_at_idx" ON "minutes" USING btree ("created_at");
  CREATE INDEX "minutes__status_idx" ON "minutes" USING btree ("_status");
  CREATE INDEX "_minutes_v_parent_idx" ON "_minutes_v" USING btree ("parent_id");
  CREATE INDEX "_minutes_v_version_version_meeting_date_idx" ON "_minutes_v" USING btree ("version_meeting_date");
  CREATE INDEX "_minutes_v_version_version_created_by_idx" ON "_minutes_v" USING btree ("version_created_by_id");
  CREATE INDEX "_minutes_v_version_version_updated_by_idx" ON "_minutes_v" USING btree ("version_updated_by_id");
  CREATE INDEX "_minutes_v_version_version_updated_at_idx" ON "_minutes_v" USING btree ("version_updated_at");
  CREATE INDEX "_minutes_v_version_version_created_at_idx" ON "_minutes_v" USING btree ("version_created_at");
  CREATE INDEX "_minutes_v_version_version__status_idx" ON "_minutes_v" USING btree ("version__status");
  CREATE INDEX "_minutes_v_created_at_idx" ON "_minutes_v" USING btree ("created_at");
  CREATE INDEX "_minutes_v_updated_at_idx" ON "_minutes_v" USING btree ("updated_at");
  CREATE INDEX "_minutes_v_latest_idx" ON "_minutes_v" USING btree ("latest");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_minutes_fk" FOREIGN KEY ("minutes_id") REFERENCES "public"."minutes"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_minutes_id_idx" ON "payload_locked_documents_rels" USING btree ("minutes_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "minutes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_minutes_v" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "minutes" CASCADE;
  DROP TABLE "_minutes_v" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_minutes_fk";
  
  DROP INDEX "payload_locked_documents_rels_minutes_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "minutes_id";
  DROP TYPE "public"."enum_minutes_status";
  DROP TYPE "public"."enum__minutes_v_version_status";`)
}
