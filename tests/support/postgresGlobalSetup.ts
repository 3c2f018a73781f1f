import type { TestProject } from 'vitest/node'

import { startTestPostgres } from './testPostgres'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string
  }
}

/** One Postgres server for the whole integration run; each test file makes its own database. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await startTestPostgres()
  project.provide('postgresAdminUrl', postgres.adminUrl)
  return postgres.stop
}
