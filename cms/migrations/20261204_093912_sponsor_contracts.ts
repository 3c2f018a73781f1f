import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_sponsor_contracts_kind" AS ENUM('generated', 'signed');
  CREATE TABLE "sponsor_contracts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"sponsorship_id" integer NOT NULL,
  	"kind" "enum_sponsor_contracts_kind" DEFAULT 'signed' NOT NULL,
  	"created_by_id" integer,
  	"updated_by_id" integer,
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
  
  ALTER TABLE "sponsorships" ADD COLUMN "contract_id" integer;
  ALTER TABLE "sponsorships" ADD COLUMN "signed_contract_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sponsor_contracts_id" integer;
  ALTER TABLE "sponsor_contracts" ADD CONSTRAINT "sponsor_contracts_sponsorship_id_sponsorships_id_fk" FOREIGN KEY ("sponsorship_id") REFERENCES "public"."sponsorships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsor_contracts" ADD CONSTRAINT "sponsor_contracts_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsor_contracts" ADD CONSTRAINT "sponsor_contracts_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "sponsor_contracts_sponsorship_idx" ON "sponsor_contracts" USING btree ("sponsorship_id");
  CREATE INDEX "sponsor_contracts_created_by_idx" ON "sponsor_contracts" USING btree ("created_by_id");
  CREATE INDEX "sponsor_contracts_updated_by_idx" ON "sponsor_contracts" USING btree ("updated_by_id");
  CREATE INDEX "sponsor_contracts_updated_at_idx" ON "sponsor_contracts" USING btree ("updated_at");
  CREATE INDEX "sponsor_contracts_created_at_idx" ON "sponsor_contracts" USING btree ("created_at");
  CREATE UNIQUE INDEX "sponsor_contracts_filename_idx" ON "sponsor_contracts" USING btree ("filename");
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_contract_id_sponsor_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."sponsor_contracts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_signed_contract_id_sponsor_contracts_id_fk" FOREIGN KEY ("signed_contract_id") REFERENCES "public"."sponsor_contracts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sponsor_contracts_fk" FOREIGN KEY ("sponsor_contracts_id") REFERENCES "public"."sponsor_contracts"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "sponsorships_contract_idx" ON "sponsorships" USING btree ("contract_id");
  CREATE INDEX "sponsorships_signed_contract_idx" ON "sponsorships" USING btree ("signed_contract_id");
  CREATE INDEX "payload_locked_documents_rels_sponsor_contracts_id_idx" ON "payload_locked_documents_rels" USING btree ("sponsor_contracts_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "sponsor_contracts" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "sponsor_contracts" CASCADE;
  ALTER TABLE "sponsorships" DROP CONSTRAINT "sponsorships_contract_id_sponsor_contracts_id_fk";
  
  ALTER TABLE "sponsorships" DROP CONSTRAINT "sponsorships_signed_contract_id_sponsor_contracts_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sponsor_contracts_fk";
  
  DROP INDEX "sponsorships_contract_idx";
  DROP INDEX "sponsorships_signed_contract_idx";
  DROP INDEX "payload_locked_documents_rels_sponsor_contracts_id_idx";
  ALTER TABLE "sponsorships" DROP COLUMN "contract_id";
  ALTER TABLE "sponsorships" DROP COLUMN "signed_contract_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sponsor_contracts_id";
  DROP TYPE "public"."enum_sponsor_contracts_kind";`)
}
