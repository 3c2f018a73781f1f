/**
 * The tests `npm run test:security` runs (issue 6), by vitest project, and the lines they print
 * that it gathers at the end. Add a suite's files here; add a pattern for a new figure.
 */
export type SecuritySuite = { project: 'unit' | 'integration' | 'system'; files: string[] }

export const SECURITY_SUITES: SecuritySuite[] = [
  {
    project: 'unit',
    files: ['tests/unit/lib/throttle', 'tests/web/routes/storyForm.test.ts', 'tests/web/cms/submitStoryThrottle.test.ts', 'tests/web/config.test.ts'],
  },
  { project: 'integration', files: ['tests/integration/access'] },
  { project: 'system', files: ['tests/system/accessMatrixHttp.test.ts', 'tests/system/loginSecurity.test.ts', 'tests/system/throttling.test.ts'] },
]

/** Figures the tests print, one per line, in a stable form a summary can collect. */
export const FIGURE_PATTERNS: RegExp[] = [/access matrix: \d+ cases, \d+ mismatches \([^)]+\)/, /throttles: .+/, /login: .+/]
