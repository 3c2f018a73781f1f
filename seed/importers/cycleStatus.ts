/**
 * A release series' status on `today`, as python.org's active-releases table shows it:
 * past its end of life it is `end-of-life`; for two years after its first release it gets bug
 * fixes (PEP 602's schedule since 3.13); then security fixes only until its end of life.
 * The release-cycle job replaces this with peps.python.org's own statuses once it runs.
 */
export function cycleStatus(cycle: { firstRelease: string; endOfLife: string }, today: Date): 'bugfix' | 'security' | 'end-of-life' {
  if (new Date(cycle.endOfLife) < today) return 'end-of-life'
  const bugfixUntil = new Date(cycle.firstRelease)
  bugfixUntil.setUTCFullYear(bugfixUntil.getUTCFullYear() + 2)
  return today < bugfixUntil ? 'bugfix' : 'security'
}
