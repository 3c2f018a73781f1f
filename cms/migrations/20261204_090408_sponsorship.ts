import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_sponsorships_benefits_logo_placements_publisher" AS ENUM('psf', 'pycon', 'pypi', 'core');
  CREATE TYPE "public"."enum_sponsorships_benefits_logo_placements_flight" AS ENUM('sidebar', 'sponsors', 'jobs', 'blogpost', 'footer', 'docs', 'download', 'devguide');
  CREATE TYPE "public"."enum_sponsorships_benefits_required_assets_kind" AS ENUM('image', 'text', 'link');
  CREATE TYPE "public"."enum_sponsorships_status" AS ENUM('applied', 'approved', 'rejected', 'finalized');
  CREATE TYPE "public"."enum_sponsorship_benefits_logo_placements_publisher" AS ENUM('psf', 'pycon', 'pypi', 'core');
  CREATE TYPE "public"."enum_sponsorship_benefits_logo_placements_flight" AS ENUM('sidebar', 'sponsors', 'jobs', 'blogpost', 'footer', 'docs', 'download', 'devguide');
  CREATE TYPE "public"."enum_sponsorship_benefits_required_assets_kind" AS ENUM('image', 'text', 'link');
  ALTER TYPE "public"."enum_users_roles" ADD VALUE 'sponsors-manager';
  CREATE TABLE "sponsors_contacts" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"email" varchar NOT NULL,
  	"phone" varchar,
  	"primary" boolean DEFAULT false,
  	"administrative" boolean DEFAULT false,
  	"accounting" boolean DEFAULT false,
  	"manager" boolean DEFAULT false,
  	"account" numeric
  );
  
  CREATE TABLE "sponsors" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"description" varchar,
  	"landing_page_url" varchar,
  	"twitter_handle" varchar,
  	"linked_in_page_url" varchar,
  	"web_logo_id" integer,
  	"white_logo_id" integer,
  	"print_logo_id" integer,
  	"primary_phone" varchar,
  	"mailing_address_line1" varchar,
  	"mailing_address_line2" varchar,
  	"city" varchar,
  	"state" varchar,
  	"postal_code" varchar,
  	"country" varchar,
  	"country_of_incorporation" varchar,
  	"state_of_incorporation" varchar,
  	"created_by_id" integer,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sponsorships_benefits_logo_placements" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"publisher" "enum_sponsorships_benefits_logo_placements_publisher" NOT NULL,
  	"flight" "enum_sponsorships_benefits_logo_placements_flight" NOT NULL,
  	"link_to_sponsors_page" boolean DEFAULT false,
  	"describe_as_sponsor" boolean DEFAULT false
  );
  
  CREATE TABLE "sponsorships_benefits_required_assets" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"kind" "enum_sponsorships_benefits_required_assets_kind" NOT NULL,
  	"internal_name" varchar NOT NULL,
  	"due_date" timestamp(3) with time zone,
  	"label" varchar NOT NULL,
  	"help_text" varchar
  );
  
  CREATE TABLE "sponsorships_benefits" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"benefit_id" integer NOT NULL,
  	"name" varchar,
  	"program_name" varchar,
  	"description" varchar,
  	"internal_value" numeric,
  	"added_by_user" boolean DEFAULT false
  );
  
  CREATE TABLE "sponsorships_status_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"from" varchar,
  	"to" varchar NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"user_id" numeric,
  	"user_name" varchar
  );
  
  CREATE TABLE "sponsorships" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"sponsor_id" integer NOT NULL,
  	"package_id" integer,
  	"status" "enum_sponsorships_status" DEFAULT 'applied' NOT NULL,
  	"year" numeric NOT NULL,
  	"start_date" timestamp(3) with time zone,
  	"end_date" timestamp(3) with time zone,
  	"sponsorship_fee" numeric,
  	"for_modified_package" boolean DEFAULT false,
  	"renewal" boolean DEFAULT false,
  	"submitted_by" numeric,
  	"applied_on" timestamp(3) with time zone,
  	"approved_on" timestamp(3) with time zone,
  	"rejected_on" timestamp(3) with time zone,
  	"finalized_on" timestamp(3) with time zone,
  	"created_by_id" integer,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sponsorship_packages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"year" numeric NOT NULL,
  	"sponsorship_amount" numeric NOT NULL,
  	"order" numeric DEFAULT 0 NOT NULL,
  	"logo_dimension" numeric DEFAULT 175 NOT NULL,
  	"advertise" boolean DEFAULT false,
  	"allow_a_la_carte" boolean DEFAULT true,
  	"created_by_id" integer,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sponsorship_programs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"description" varchar,
  	"order" numeric DEFAULT 0 NOT NULL,
  	"created_by_id" integer,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sponsorship_benefits_logo_placements" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"publisher" "enum_sponsorship_benefits_logo_placements_publisher" NOT NULL,
  	"flight" "enum_sponsorship_benefits_logo_placements_flight" NOT NULL,
  	"link_to_sponsors_page" boolean DEFAULT false,
  	"describe_as_sponsor" boolean DEFAULT false
  );
  
  CREATE TABLE "sponsorship_benefits_required_assets" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"kind" "enum_sponsorship_benefits_required_assets_kind" NOT NULL,
  	"internal_name" varchar NOT NULL,
  	"due_date" timestamp(3) with time zone,
  	"label" varchar NOT NULL,
  	"help_text" varchar
  );
  
  CREATE TABLE "sponsorship_benefits" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"program_id" integer NOT NULL,
  	"year" numeric NOT NULL,
  	"order" numeric DEFAULT 0 NOT NULL,
  	"package_only" boolean DEFAULT false,
  	"standalone" boolean DEFAULT false,
  	"unavailable" boolean DEFAULT false,
  	"capacity" numeric,
  	"soft_capacity" boolean DEFAULT false,
  	"internal_value" numeric,
  	"internal_description" varchar,
  	"created_by_id" integer,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sponsorship_benefits_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"sponsorship_packages_id" integer
  );
  
  ALTER TABLE "media" ADD COLUMN "sizes_logo_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_logo_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_logo_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_logo_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_logo_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_logo_filename" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sponsors_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sponsorships_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sponsorship_packages_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sponsorship_programs_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sponsorship_benefits_id" integer;
  ALTER TABLE "sponsors_contacts" ADD CONSTRAINT "sponsors_contacts_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."sponsors"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sponsors" ADD CONSTRAINT "sponsors_web_logo_id_media_id_fk" FOREIGN KEY ("web_logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsors" ADD CONSTRAINT "sponsors_white_logo_id_media_id_fk" FOREIGN KEY ("white_logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsors" ADD CONSTRAINT "sponsors_print_logo_id_media_id_fk" FOREIGN KEY ("print_logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsors" ADD CONSTRAINT "sponsors_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsors" ADD CONSTRAINT "sponsors_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorships_benefits_logo_placements" ADD CONSTRAINT "sponsorships_benefits_logo_placements_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."sponsorships_benefits"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sponsorships_benefits_required_assets" ADD CONSTRAINT "sponsorships_benefits_required_assets_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."sponsorships_benefits"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sponsorships_benefits" ADD CONSTRAINT "sponsorships_benefits_benefit_id_sponsorship_benefits_id_fk" FOREIGN KEY ("benefit_id") REFERENCES "public"."sponsorship_benefits"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorships_benefits" ADD CONSTRAINT "sponsorships_benefits_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."sponsorships"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sponsorships_status_history" ADD CONSTRAINT "sponsorships_status_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."sponsorships"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_sponsor_id_sponsors_id_fk" FOREIGN KEY ("sponsor_id") REFERENCES "public"."sponsors"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_package_id_sponsorship_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."sponsorship_packages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorship_packages" ADD CONSTRAINT "sponsorship_packages_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorship_packages" ADD CONSTRAINT "sponsorship_packages_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorship_programs" ADD CONSTRAINT "sponsorship_programs_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorship_programs" ADD CONSTRAINT "sponsorship_programs_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorship_benefits_logo_placements" ADD CONSTRAINT "sponsorship_benefits_logo_placements_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."sponsorship_benefits"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sponsorship_benefits_required_assets" ADD CONSTRAINT "sponsorship_benefits_required_assets_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."sponsorship_benefits"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sponsorship_benefits" ADD CONSTRAINT "sponsorship_benefits_program_id_sponsorship_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."sponsorship_programs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorship_benefits" ADD CONSTRAINT "sponsorship_benefits_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorship_benefits" ADD CONSTRAINT "sponsorship_benefits_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorship_benefits_rels" ADD CONSTRAINT "sponsorship_benefits_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."sponsorship_benefits"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sponsorship_benefits_rels" ADD CONSTRAINT "sponsorship_benefits_rels_sponsorship_packages_fk" FOREIGN KEY ("sponsorship_packages_id") REFERENCES "public"."sponsorship_packages"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "sponsors_contacts_order_idx" ON "sponsors_contacts" USING btree ("_order");
  CREATE INDEX "sponsors_contacts_parent_id_idx" ON "sponsors_contacts" USING btree ("_parent_id");
  CREATE INDEX "sponsors_contacts_account_idx" ON "sponsors_contacts" USING btree ("account");
  CREATE INDEX "sponsors_name_idx" ON "sponsors" USING btree ("name");
  CREATE UNIQUE INDEX "sponsors_slug_idx" ON "sponsors" USING btree ("slug");
  CREATE INDEX "sponsors_web_logo_idx" ON "sponsors" USING btree ("web_logo_id");
  CREATE INDEX "sponsors_white_logo_idx" ON "sponsors" USING btree ("white_logo_id");
  CREATE INDEX "sponsors_print_logo_idx" ON "sponsors" USING btree ("print_logo_id");
  CREATE INDEX "sponsors_created_by_idx" ON "sponsors" USING btree ("created_by_id");
  CREATE INDEX "sponsors_updated_by_idx" ON "sponsors" USING btree ("updated_by_id");
  CREATE INDEX "sponsors_updated_at_idx" ON "sponsors" USING btree ("updated_at");
  CREATE INDEX "sponsors_created_at_idx" ON "sponsors" USING btree ("created_at");
  CREATE INDEX "sponsorships_benefits_logo_placements_order_idx" ON "sponsorships_benefits_logo_placements" USING btree ("_order");
  CREATE INDEX "sponsorships_benefits_logo_placements_parent_id_idx" ON "sponsorships_benefits_logo_placements" USING btree ("_parent_id");
  CREATE INDEX "sponsorships_benefits_required_assets_order_idx" ON "sponsorships_benefits_required_assets" USING btree ("_order");
  CREATE INDEX "sponsorships_benefits_required_assets_parent_id_idx" ON "sponsorships_benefits_required_assets" USING btree ("_parent_id");
  CREATE INDEX "sponsorships_benefits_order_idx" ON "sponsorships_benefits" USING btree ("_order");
  CREATE INDEX "sponsorships_benefits_parent_id_idx" ON "sponsorships_benefits" USING btree ("_parent_id");
  CREATE INDEX "sponsorships_benefits_benefit_idx" ON "sponsorships_benefits" USING btree ("benefit_id");
  CREATE INDEX "sponsorships_status_history_order_idx" ON "sponsorships_status_history" USING btree ("_order");
  CREATE INDEX "sponsorships_status_history_parent_id_idx" ON "sponsorships_status_history" USING btree ("_parent_id");
  CREATE INDEX "sponsorships_sponsor_idx" ON "sponsorships" USING btree ("sponsor_id");
  CREATE INDEX "sponsorships_package_idx" ON "sponsorships" USING btree ("package_id");
  CREATE INDEX "sponsorships_status_idx" ON "sponsorships" USING btree ("status");
  CREATE INDEX "sponsorships_year_idx" ON "sponsorships" USING btree ("year");
  CREATE INDEX "sponsorships_start_date_idx" ON "sponsorships" USING btree ("start_date");
  CREATE INDEX "sponsorships_end_date_idx" ON "sponsorships" USING btree ("end_date");
  CREATE INDEX "sponsorships_submitted_by_idx" ON "sponsorships" USING btree ("submitted_by");
  CREATE INDEX "sponsorships_created_by_idx" ON "sponsorships" USING btree ("created_by_id");
  CREATE INDEX "sponsorships_updated_by_idx" ON "sponsorships" USING btree ("updated_by_id");
  CREATE INDEX "sponsorships_updated_at_idx" ON "sponsorships" USING btree ("updated_at");
  CREATE INDEX "sponsorships_created_at_idx" ON "sponsorships" USING btree ("created_at");
  CREATE INDEX "sponsorship_packages_slug_idx" ON "sponsorship_packages" USING btree ("slug");
  CREATE INDEX "sponsorship_packages_year_idx" ON "sponsorship_packages" USING btree ("year");
  CREATE INDEX "sponsorship_packages_created_by_idx" ON "sponsorship_packages" USING btree ("created_by_id");
  CREATE INDEX "sponsorship_packages_updated_by_idx" ON "sponsorship_packages" USING btree ("updated_by_id");
  CREATE INDEX "sponsorship_packages_updated_at_idx" ON "sponsorship_packages" USING btree ("updated_at");
  CREATE INDEX "sponsorship_packages_created_at_idx" ON "sponsorship_packages" USING btree ("created_at");
  CREATE UNIQUE INDEX "sponsorship_programs_slug_idx" ON "sponsorship_programs" USING btree ("slug");
  CREATE INDEX "sponsorship_programs_order_idx" ON "sponsorship_programs" USING btree ("order");
  CREATE INDEX "sponsorship_programs_created_by_idx" ON "sponsorship_programs" USING btree ("created_by_id");
  CREATE INDEX "sponsorship_programs_updated_by_idx" ON "sponsorship_programs" USING btree ("updated_by_id");
  CREATE INDEX "sponsorship_programs_updated_at_idx" ON "sponsorship_programs" USING btree ("updated_at");
  CREATE INDEX "sponsorship_programs_created_at_idx" ON "sponsorship_programs" USING btree ("created_at");
  CREATE INDEX "sponsorship_benefits_logo_placements_order_idx" ON "sponsorship_benefits_logo_placements" USING btree ("_order");
  CREATE INDEX "sponsorship_benefits_logo_placements_parent_id_idx" ON "sponsorship_benefits_logo_placements" USING btree ("_parent_id");
  CREATE INDEX "sponsorship_benefits_required_assets_order_idx" ON "sponsorship_benefits_required_assets" USING btree ("_order");
  CREATE INDEX "sponsorship_benefits_required_assets_parent_id_idx" ON "sponsorship_benefits_required_assets" USING btree ("_parent_id");
  CREATE INDEX "sponsorship_benefits_program_idx" ON "sponsorship_benefits" USING btree ("program_id");
  CREATE INDEX "sponsorship_benefits_year_idx" ON "sponsorship_benefits" USING btree ("year");
  CREATE INDEX "sponsorship_benefits_created_by_idx" ON "sponsorship_benefits" USING btree ("created_by_id");
  CREATE INDEX "sponsorship_benefits_updated_by_idx" ON "sponsorship_benefits" USING btree ("updated_by_id");
  CREATE INDEX "sponsorship_benefits_updated_at_idx" ON "sponsorship_benefits" USING btree ("updated_at");
  CREATE INDEX "sponsorship_benefits_created_at_idx" ON "sponsorship_benefits" USING btree ("created_at");
  CREATE INDEX "sponsorship_benefits_rels_order_idx" ON "sponsorship_benefits_rels" USING btree ("order");
  CREATE INDEX "sponsorship_benefits_rels_parent_idx" ON "sponsorship_benefits_rels" USING btree ("parent_id");
  CREATE INDEX "sponsorship_benefits_rels_path_idx" ON "sponsorship_benefits_rels" USING btree ("path");
  CREATE INDEX "sponsorship_benefits_rels_sponsorship_packages_id_idx" ON "sponsorship_benefits_rels" USING btree ("sponsorship_packages_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sponsors_fk" FOREIGN KEY ("sponsors_id") REFERENCES "public"."sponsors"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sponsorships_fk" FOREIGN KEY ("sponsorships_id") REFERENCES "public"."sponsorships"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sponsorship_packages_fk" FOREIGN KEY ("sponsorship_packages_id") REFERENCES "public"."sponsorship_packages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sponsorship_programs_fk" FOREIGN KEY ("sponsorship_programs_id") REFERENCES "public"."sponsorship_programs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sponsorship_benefits_fk" FOREIGN KEY ("sponsorship_benefits_id") REFERENCES "public"."sponsorship_benefits"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "media_sizes_logo_sizes_logo_filename_idx" ON "media" USING btree ("sizes_logo_filename");
  CREATE INDEX "payload_locked_documents_rels_sponsors_id_idx" ON "payload_locked_documents_rels" USING btree ("sponsors_id");
  CREATE INDEX "payload_locked_documents_rels_sponsorships_id_idx" ON "payload_locked_documents_rels" USING btree ("sponsorships_id");
  CREATE INDEX "payload_locked_documents_rels_sponsorship_packages_id_idx" ON "payload_locked_documents_rels" USING btree ("sponsorship_packages_id");
  CREATE INDEX "payload_locked_documents_rels_sponsorship_programs_id_idx" ON "payload_locked_documents_rels" USING btree ("sponsorship_programs_id");
  CREATE INDEX "payload_locked_documents_rels_sponsorship_benefits_id_idx" ON "payload_locked_documents_rels" USING btree ("sponsorship_benefits_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "sponsors_contacts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsors" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsorships_benefits_logo_placements" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsorships_benefits_required_assets" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsorships_benefits" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsorships_status_history" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsorships" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsorship_packages" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsorship_programs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsorship_benefits_logo_placements" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsorship_benefits_required_assets" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsorship_benefits" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsorship_benefits_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "sponsors_contacts" CASCADE;
  DROP TABLE "sponsors" CASCADE;
  DROP TABLE "sponsorships_benefits_logo_placements" CASCADE;
  DROP TABLE "sponsorships_benefits_required_assets" CASCADE;
  DROP TABLE "sponsorships_benefits" CASCADE;
  DROP TABLE "sponsorships_status_history" CASCADE;
  DROP TABLE "sponsorships" CASCADE;
  DROP TABLE "sponsorship_packages" CASCADE;
  DROP TABLE "sponsorship_programs" CASCADE;
  DROP TABLE "sponsorship_benefits_logo_placements" CASCADE;
  DROP TABLE "sponsorship_benefits_required_assets" CASCADE;
  DROP TABLE "sponsorship_benefits" CASCADE;
  DROP TABLE "sponsorship_benefits_rels" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sponsors_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sponsorships_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sponsorship_packages_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sponsorship_programs_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sponsorship_benefits_fk";
  
  ALTER TABLE "users_roles" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_users_roles";
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'editor', 'release-manager', 'moderator', 'jobs-moderator');
  ALTER TABLE "users_roles" ALTER COLUMN "value" SET DATA TYPE "public"."enum_users_roles" USING "value"::"public"."enum_users_roles";
  DROP INDEX "media_sizes_logo_sizes_logo_filename_idx";
  DROP INDEX "payload_locked_documents_rels_sponsors_id_idx";
  DROP INDEX "payload_locked_documents_rels_sponsorships_id_idx";
  DROP INDEX "payload_locked_documents_rels_sponsorship_packages_id_idx";
  DROP INDEX "payload_locked_documents_rels_sponsorship_programs_id_idx";
  DROP INDEX "payload_locked_documents_rels_sponsorship_benefits_id_idx";
  ALTER TABLE "media" DROP COLUMN "sizes_logo_url";
  ALTER TABLE "media" DROP COLUMN "sizes_logo_width";
  ALTER TABLE "media" DROP COLUMN "sizes_logo_height";
  ALTER TABLE "media" DROP COLUMN "sizes_logo_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_logo_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_logo_filename";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sponsors_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sponsorships_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sponsorship_packages_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sponsorship_programs_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sponsorship_benefits_id";
  DROP TYPE "public"."enum_sponsorships_benefits_logo_placements_publisher";
  DROP TYPE "public"."enum_sponsorships_benefits_logo_placements_flight";
  DROP TYPE "public"."enum_sponsorships_benefits_required_assets_kind";
  DROP TYPE "public"."enum_sponsorships_status";
  DROP TYPE "public"."enum_sponsorship_benefits_logo_placements_publisher";
  DROP TYPE "public"."enum_sponsorship_benefits_logo_placements_flight";
  DROP TYPE "public"."enum_sponsorship_benefits_required_assets_kind";`)
}
