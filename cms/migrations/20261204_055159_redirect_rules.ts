import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_redirects_match" AS ENUM('exact', 'prefix', 'pattern');
  ALTER TABLE "redirects" ALTER COLUMN "to" DROP NOT NULL;
  ALTER TABLE "redirects" ADD COLUMN "match" "enum_redirects_match" DEFAULT 'exact' NOT NULL;
  ALTER TABLE "redirects" ADD COLUMN "keep_rest" boolean DEFAULT false;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "redirects" ALTER COLUMN "to" SET NOT NULL;
  ALTER TABLE "redirects" DROP COLUMN "match";
  ALTER TABLE "redirects" DROP COLUMN "keep_rest";
  DROP TYPE "public"."enum_redirects_match";`)
}
