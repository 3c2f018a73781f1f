/**
 * Named checks that are counted for a suite's summary line (`<suite>: N checks, M failed`, read
 * by `npm run test:security`): each check runs its assertion and rethrows a failure with its name.
 */
export function createCheckCounter(): {
  readonly checks: { run: number; failed: number }
  check(name: string, assertion: () => void | Promise<void>): Promise<void>
} {
  const checks = { run: 0, failed: 0 }
  return {
    checks,
    async check(name, assertion) {
      checks.run += 1
      try {
        await assertion()
      } catch (error) {
        checks.failed += 1
        throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`)
      }
    },
  }
}
