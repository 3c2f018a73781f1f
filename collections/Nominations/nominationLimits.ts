/** What a nominator types, bounded (python.org's lengths; the statement is Markdown and rendered on public pages). */
export const NOMINATION_LIMITS = { name: 1024, employer: 1024, previousService: 1024, otherAffiliations: 2048, statement: 10_000 } as const
