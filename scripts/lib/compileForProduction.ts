import { rmSync } from 'node:fs'
import path from 'node:path'

import { build } from 'esbuild'

/**
 * The programs production runs, compiled to JavaScript so that no TypeScript loader (tsx) is
 * needed at run time: the CMS's HTTP server (in front of the Next.js build), the renderer, and
 * the one-shot commands (prepare the database, run a job, rebuild the search index, seed).
 * Each entry becomes one ES module under dist/ bundling our own code; packages stay imports, so
 * the image's `npm ci --omit=dev` node_modules serves them.
 */
export const PRODUCTION_ENTRIES: Readonly<Record<string, string>> = {
  'cms/server': 'cms/server.ts',
  'web/server': 'web/src/server.ts',
  'scripts/prepare': 'scripts/prepare.ts',
  'scripts/runJob': 'scripts/runJob.ts',
  'scripts/reindexSearch': 'scripts/reindexSearch.ts',
  'seed/run': 'seed/run.ts',
}

export async function compileForProduction(repoRoot: string, outDir: string): Promise<void> {
  // Chunks are named by content hash: clear the last build's so none is left behind.
  rmSync(outDir, { recursive: true, force: true })
  const entryPoints = Object.entries(PRODUCTION_ENTRIES).map(([out, source]) => ({ out, in: path.join(repoRoot, source) }))
  await build({
    absWorkingDir: repoRoot,
    entryPoints,
    outdir: outDir,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    // Node 20.19 keeps running what production's Node 24 runs.
    target: 'node20.19',
    sourcemap: 'linked',
    // Shared code goes to chunks instead of being copied into every entry.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // tsconfig.json's "@payload-config" path alias is read from here.
    tsconfig: path.join(repoRoot, 'tsconfig.json'),
    logLevel: 'warning',
  })
}
