import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * The release rules that a race between two writers could otherwise break are enforced by
 * the database as well as by validation:
 * - at most one release per version flagged latest;
 * - at most one download-button file per release and OS.
 * Also the bookkeeping table that tells whether the seed has completed.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE UNIQUE INDEX IF NOT EXISTS "releases_one_latest_per_version"
      ON "releases" ("version") WHERE "is_latest";
    CREATE UNIQUE INDEX IF NOT EXISTS "release_files_one_download_button_per_os"
      ON "release_files" ("release_id", "os_id") WHERE "download_button";
    CREATE TABLE IF NOT EXISTS "seed_runs" (
      "source" text PRIMARY KEY,
      "completed_at" timestamptz NOT NULL DEFAULT now()
    );
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    DROP TABLE IF EXISTS "seed_runs";
    DROP INDEX IF EXISTS "release_files_one_download_button_per_os";
    DROP INDEX IF EXISTS "releases_one_latest_per_version";
  `)
}
