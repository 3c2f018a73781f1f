import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_memberships_membership_type" AS ENUM('basic', 'supporting', 'sponsor', 'contributing', 'fellow');
  ALTER TYPE "public"."enum_users_roles" ADD VALUE 'psf-staff';
  CREATE TABLE "memberships" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"account" numeric,
  	"membership_type" "enum_memberships_membership_type" DEFAULT 'basic' NOT NULL,
  	"legal_name" varchar NOT NULL,
  	"preferred_name" varchar NOT NULL,
  	"email_address" varchar NOT NULL,
  	"city" varchar NOT NULL,
  	"region" varchar NOT NULL,
  	"country" varchar NOT NULL,
  	"postal_code" varchar NOT NULL,
  	"code_of_conduct" boolean DEFAULT false,
  	"announcements" boolean DEFAULT false,
  	"votes" boolean DEFAULT false,
  	"last_vote_affirmation" timestamp(3) with time zone,
  	"created_by_id" integer,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "memberships_id" integer;
  ALTER TABLE "memberships" ADD CONSTRAINT "memberships_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "memberships" ADD CONSTRAINT "memberships_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "memberships_account_idx" ON "memberships" USING btree ("account");
  CREATE INDEX "memberships_membership_type_idx" ON "memberships" USING btree ("membership_type");
  CREATE INDEX "memberships_votes_idx" ON "memberships" USING btree ("votes");
  CREATE INDEX "memberships_created_by_idx" ON "memberships" USING btree ("created_by_id");
  CREATE INDEX "memberships_updated_by_idx" ON "memberships" USING btree ("updated_by_id");
  CREATE INDEX "memberships_updated_at_idx" ON "memberships" USING btree ("updated_at");
  CREATE INDEX "memberships_created_at_idx" ON "memberships" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_memberships_fk" FOREIGN KEY ("memberships_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_memberships_id_idx" ON "payload_locked_documents_rels" USING btree ("memberships_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "memberships" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "memberships" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_memberships_fk";
  
  ALTER TABLE "users_roles" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_users_roles";
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'editor', 'release-manager', 'moderator', 'jobs-moderator');
  ALTER TABLE "users_roles" ALTER COLUMN "value" SET DATA TYPE "public"."enum_users_roles" USING "value"::"public"."enum_users_roles";
  DROP INDEX "payload_locked_documents_rels_memberships_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "memberships_id";
  DROP TYPE "public"."enum_memberships_membership_type";`)
}
