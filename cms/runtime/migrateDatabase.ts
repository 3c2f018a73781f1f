import type { Payload } from 'payload'

import { migrations } from '../migrations/index'

type PayloadMigrations = NonNullable<Parameters<Payload['db']['migrate']>[0]>['migrations']

/** Applies the committed migrations that have not run yet (a no-op on an up-to-date database). */
export async function migrateDatabase(payload: Payload): Promise<void> {
  // Payload's generic Migration type takes `unknown` arguments; ours are typed for the Postgres
  // adapter, which is the adapter this config always uses.
  await payload.db.migrate({ migrations: migrations as unknown as PayloadMigrations })
}
