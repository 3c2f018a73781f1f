import path from 'node:path'

/**
 * What line coverage is measured over: our own code in collections/, web/, seed/, cms/ and lib/,
 * without generated files (Payload's types and import map, migrations, Next's route stubs)
 * and without the test helpers. Shared by vitest's in-process coverage and the merge of the
 * processes' coverage, so both count the same files.
 */
const includedDirs = ['collections/', 'web/src/', 'seed/', 'cms/', 'lib/']
// cms/app/ holds only the route files Payload generates for Next.js (and its parentheses would
// be read as a glob pattern).
const excludedPrefixes = ['collections/generated/', 'cms/migrations/', 'cms/app/', 'cms/payload.config.ts', 'cms/.next/']

export const coverageInclude = includedDirs.flatMap((dir) => [`${dir}**/*.ts`, `${dir}**/*.tsx`])
export const coverageExclude = [...excludedPrefixes.map((prefix) => (prefix.endsWith('/') ? `${prefix}**` : prefix)), '**/*.d.ts']

/** Whether a file (absolute, or relative to the repository) is counted. */
export function isInCoverageScope(file: string, repoRoot: string): boolean {
  const relative = path.isAbsolute(file) ? path.relative(repoRoot, file) : file
  if (relative.startsWith('..') || relative.includes('node_modules/') || relative.endsWith('.d.ts')) return false
  if (!/\.tsx?$/.test(relative)) return false
  return includedDirs.some((dir) => relative.startsWith(dir)) && !excludedPrefixes.some((prefix) => relative.startsWith(prefix))
}
