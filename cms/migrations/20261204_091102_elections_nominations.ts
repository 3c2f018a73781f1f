import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "elections" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"date" timestamp(3) with time zone NOT NULL,
  	"nominations_open_at" timestamp(3) with time zone,
  	"nominations_close_at" timestamp(3) with time zone,
  	"description" varchar,
  	"hide_previous_service" boolean DEFAULT false,
  	"created_by_id" integer,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "nominees" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"election_id" integer NOT NULL,
  	"account" numeric NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"accepted" boolean DEFAULT false,
  	"approved" boolean DEFAULT false,
  	"created_by_id" integer,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "nominations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"election_id" integer NOT NULL,
  	"name" varchar NOT NULL,
  	"email" varchar NOT NULL,
  	"employer" varchar NOT NULL,
  	"previous_service" varchar,
  	"other_affiliations" varchar,
  	"statement" varchar NOT NULL,
  	"code_of_conduct_acknowledged" boolean DEFAULT false,
  	"mission_alignment" boolean DEFAULT false,
  	"eligibility_confirmed" boolean DEFAULT false,
  	"nominator" numeric,
  	"nominee_id" integer,
  	"nominee_account" numeric,
  	"accepted" boolean DEFAULT false,
  	"approved" boolean DEFAULT false,
  	"invitation_token_hash" varchar,
  	"invitation_token_expires_at" timestamp(3) with time zone,
  	"created_by_id" integer,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "elections_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "nominees_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "nominations_id" integer;
  ALTER TABLE "elections" ADD CONSTRAINT "elections_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "elections" ADD CONSTRAINT "elections_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "nominees" ADD CONSTRAINT "nominees_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "nominees" ADD CONSTRAINT "nominees_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "nominees" ADD CONSTRAINT "nominees_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "nominations" ADD CONSTRAINT "nominations_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "nominations" ADD CONSTRAINT "nominations_nominee_id_nominees_id_fk" FOREIGN KEY ("nominee_id") REFERENCES "public"."nominees"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "nominations" ADD CONSTRAINT "nominations_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "nominations" ADD CONSTRAINT "nominations_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "elections_slug_idx" ON "elections" USING btree ("slug");
  CREATE INDEX "elections_date_idx" ON "elections" USING btree ("date");
  CREATE INDEX "elections_created_by_idx" ON "elections" USING btree ("created_by_id");
  CREATE INDEX "elections_updated_by_idx" ON "elections" USING btree ("updated_by_id");
  CREATE INDEX "elections_updated_at_idx" ON "elections" USING btree ("updated_at");
  CREATE INDEX "elections_created_at_idx" ON "elections" USING btree ("created_at");
  CREATE INDEX "nominees_election_idx" ON "nominees" USING btree ("election_id");
  CREATE INDEX "nominees_account_idx" ON "nominees" USING btree ("account");
  CREATE INDEX "nominees_slug_idx" ON "nominees" USING btree ("slug");
  CREATE INDEX "nominees_accepted_idx" ON "nominees" USING btree ("accepted");
  CREATE INDEX "nominees_approved_idx" ON "nominees" USING btree ("approved");
  CREATE INDEX "nominees_created_by_idx" ON "nominees" USING btree ("created_by_id");
  CREATE INDEX "nominees_updated_by_idx" ON "nominees" USING btree ("updated_by_id");
  CREATE INDEX "nominees_updated_at_idx" ON "nominees" USING btree ("updated_at");
  CREATE INDEX "nominees_created_at_idx" ON "nominees" USING btree ("created_at");
  CREATE UNIQUE INDEX "election_account_idx" ON "nominees" USING btree ("election_id","account");
  CREATE UNIQUE INDEX "election_slug_idx" ON "nominees" USING btree ("election_id","slug");
  CREATE INDEX "nominations_election_idx" ON "nominations" USING btree ("election_id");
  CREATE INDEX "nominations_nominator_idx" ON "nominations" USING btree ("nominator");
  CREATE INDEX "nominations_nominee_idx" ON "nominations" USING btree ("nominee_id");
  CREATE INDEX "nominations_nominee_account_idx" ON "nominations" USING btree ("nominee_account");
  CREATE INDEX "nominations_accepted_idx" ON "nominations" USING btree ("accepted");
  CREATE INDEX "nominations_approved_idx" ON "nominations" USING btree ("approved");
  CREATE INDEX "nominations_invitation_token_hash_idx" ON "nominations" USING btree ("invitation_token_hash");
  CREATE INDEX "nominations_created_by_idx" ON "nominations" USING btree ("created_by_id");
  CREATE INDEX "nominations_updated_by_idx" ON "nominations" USING btree ("updated_by_id");
  CREATE INDEX "nominations_updated_at_idx" ON "nominations" USING btree ("updated_at");
  CREATE INDEX "nominations_created_at_idx" ON "nominations" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_elections_fk" FOREIGN KEY ("elections_id") REFERENCES "public"."elections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_nominees_fk" FOREIGN KEY ("nominees_id") REFERENCES "public"."nominees"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_nominations_fk" FOREIGN KEY ("nominations_id") REFERENCES "public"."nominations"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_elections_id_idx" ON "payload_locked_documents_rels" USING btree ("elections_id");
  CREATE INDEX "payload_locked_documents_rels_nominees_id_idx" ON "payload_locked_documents_rels" USING btree ("nominees_id");
  CREATE INDEX "payload_locked_documents_rels_nominations_id_idx" ON "payload_locked_documents_rels" USING btree ("nominations_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "elections" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "nominees" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "nominations" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "elections" CASCADE;
  DROP TABLE "nominees" CASCADE;
  DROP TABLE "nominations" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_elections_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_nominees_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_nominations_fk";
  
  DROP INDEX "payload_locked_documents_rels_elections_id_idx";
  DROP INDEX "payload_locked_documents_rels_nominees_id_idx";
  DROP INDEX "payload_locked_documents_rels_nominations_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "elections_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "nominees_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "nominations_id";`)
}
