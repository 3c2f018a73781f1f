import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "jobs" ADD COLUMN "submitted_by" numeric;
  CREATE INDEX "jobs_submitted_by_idx" ON "jobs" USING btree ("submitted_by");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "jobs_submitted_by_idx";
  ALTER TABLE "jobs" DROP COLUMN "submitted_by";`)
}
