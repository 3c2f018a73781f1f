import { defineConfig } from 'vitest/config'

import { coverageExclude, coverageInclude } from './scripts/coverage/coverageScope'
import { AlphabeticalSequencer } from './tests/support/AlphabeticalSequencer'

/**
 * Three projects, cheapest first:
 * - unit: pure code and the renderer with fake services; no processes.
 * - integration: Payload's Local API on a real embedded Postgres (one server per run, a fresh
 *   database per test file).
 * - system: the real CMS (Next.js) and renderer as processes on a seeded database, over HTTP.
 */
export default defineConfig({
  test: {
    sequence: { sequencer: AlphabeticalSequencer },
    // `npm run test:coverage`: in-process coverage of our own code; scripts/coverage merges in
    // what the CMS and renderer processes the system tests start ran (see mergeCoverage.ts).
    coverage: {
      provider: 'v8',
      include: coverageInclude,
      exclude: coverageExclude,
      reporter: ['json', 'text-summary'],
      reportsDirectory: 'coverage/in-process',
      // A failing run still prints how much it covered.
      reportOnFailure: true,
    },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/web/**/*.test.ts', 'tests/seed/**/*.test.ts', 'tests/collections/**/*.test.ts'],
          environment: 'node',
          // Route tests answer thousands of requests: their request lines (lib/log) would bury the report.
          env: { LOG_LEVEL: 'warn' },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/postgresGlobalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'system',
          include: ['tests/system/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/systemGlobalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 900_000,
          // One CMS and one site serve every system test: run the files one after another.
          fileParallelism: false,
        },
      },
    ],
  },
})
