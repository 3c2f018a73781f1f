/**
 * When `npm run test:coverage` asks for it (PYDOTORG_CHILD_COVERAGE_DIR), the CMS and renderer
 * processes the tests start write V8 coverage there on exit, with source maps kept so the
 * merge (scripts/coverage/mergeCoverage.ts) can map it back to our TypeScript.
 */
export function withChildCoverage(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const dir = process.env.PYDOTORG_CHILD_COVERAGE_DIR
  if (dir === undefined || dir === '') return env
  return { ...env, NODE_V8_COVERAGE: dir, NODE_OPTIONS: [env.NODE_OPTIONS, '--enable-source-maps'].filter(Boolean).join(' ') }
}
