import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "jobs" ADD COLUMN "submitted_by_id" integer;
  ALTER TABLE "jobs" ADD CONSTRAINT "jobs_submitted_by_id_accounts_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "jobs_submitted_by_idx" ON "jobs" USING btree ("submitted_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "jobs" DROP CONSTRAINT "jobs_submitted_by_id_accounts_id_fk";
  
  DROP INDEX "jobs_submitted_by_idx";
  ALTER TABLE "jobs" DROP COLUMN "submitted_by_id";`)
}
