/**
 * The tests `npm run test:security` runs (issue 6), by vitest project, and the lines they print
 * that it gathers at the end. Add a suite's files here; add a pattern for a new figure.
 */
export type SecuritySuite = { project: 'unit' | 'integration' | 'system'; files: string[] }

export const SECURITY_SUITES: SecuritySuite[] = [
  {
    project: 'unit',
    files: [
      'tests/unit/lib/throttle', 'tests/web/routes/storyForm.test.ts', 'tests/web/cms/submitStoryThrottle.test.ts', 'tests/web/config.test.ts',
      // Bad input, XSS, uploads: the guards and sanitisers on their own.
      'tests/unit/cms/requestGuards', 'tests/unit/cms/errors', 'tests/unit/cms/graphql', 'tests/unit/scripts/auditDependencies.test.ts',
      'tests/web/middleware/pathGuard.test.ts', 'tests/unit/lib/markup', 'tests/web/services/pageService.test.ts',
      'tests/collections/uploads',
      // Issue 18: server-side requests, request bodies, anonymous reads, the page cache.
      'tests/unit/cms/jobs/fetchFeedSsrf.test.ts', 'tests/web/cache/cacheAbuse.test.ts', 'tests/unit/cms/requestLimits', 'tests/web/routes/formBodyLimit.test.ts',
      'tests/unit/cms/throttle/limitAnonymousReads.test.ts',
      // Issue 18: privacy and integrity (iCal text, forwarded headers).
      'tests/web/feeds/icalendarLineBreaks.test.ts', 'tests/unit/cms/net/untrustedForwardedHeaders.test.ts',
      // Issue 18: sign-in (the way into a fresh CMS, the published ports).
      'tests/unit/cms/config/firstRegisterEnv.test.ts', 'tests/unit/deploy/dockerCompose.test.ts',
      // Issue 18: preview tokens (the admin's link, the site's confirmation and cookie).
      'tests/collections/preview', 'tests/web/routes/previewLinks.test.ts',
    ],
  },
  { project: 'integration', files: ['tests/integration/access', 'tests/integration/privacy', 'tests/integration/signIn', 'tests/integration/preview'] },
  {
    project: 'system',
    files: [
      'tests/system/accessMatrixHttp.test.ts', 'tests/system/loginSecurity.test.ts', 'tests/system/throttling.test.ts',
      // Fuzz (requests and, issue 10, saved content), stored XSS, uploads, headers, outages and the release tooling race.
      'tests/system/security',
    ],
  },
]

/** Figures the tests print, one per line, in a stable form a summary can collect. */
export const FIGURE_PATTERNS: RegExp[] = [
  /access matrix: \d+ cases, \d+ mismatches \([^)]+\)/,
  /throttles: .+/,
  /login: .+/,
  /fuzz: \d+ inputs tried, \d+ answered 5xx/,
  /content fuzz: \d+ documents tried, \d+ pages checked, \d+ failures/,
  /xss: \d+ payloads, \d+ inert.*/,
  /uploads: \d+ checks, \d+ failed/,
  /headers: \d+ responses checked .+/,
  /outages: \d+ checks, \d+ failed/,
  /seed SIGKILLed .+/,
  /release tooling race: .+/,
  /npm audit: .+/,
  /(?:ssrf|body limits|anonymous read limits|cache abuse|preview tokens|sign-in|privacy): \d+ checks, \d+ failed/,
]
