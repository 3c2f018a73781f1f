/**
 * Reads the V8 coverage that processes wrote with NODE_V8_COVERAGE (the CMS under Next.js,
 * the renderer under tsx) and maps it back to our source files through the source maps Node
 * kept (`--enable-source-maps` puts them in the file's "source-map-cache").
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import v8ToIstanbul from 'v8-to-istanbul'

import { isInCoverageScope } from './coverageScope'
import type { IstanbulFileCoverage } from './lineCoverage'

type V8Script = { url: string; functions: Parameters<ReturnType<typeof v8ToIstanbul>['applyCoverage']>[0] }
type SourceMapCacheEntry = { lineLengths: number[]; data: { sources?: string[]; sourceRoot?: string } | null }
type V8CoverageFile = { result: V8Script[]; 'source-map-cache'?: Record<string, SourceMapCacheEntry> }

/** Every in-scope file's coverage found in `dir`, one entry per process and file. */
export async function readProcessCoverage(dir: string, repoRoot: string): Promise<IstanbulFileCoverage[]> {
  const found: IstanbulFileCoverage[] = []
  let names: string[]
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json'))
  } catch {
    return found
  }
  for (const name of names) {
    const coverage = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as V8CoverageFile
    const maps = coverage['source-map-cache'] ?? {}
    for (const script of coverage.result) {
      if (!script.url.startsWith('file://')) continue
      const map = maps[script.url]
      // Only scripts whose source map names one of our files: skips node_modules quickly.
      if (map?.data?.sources === undefined || !map.data.sources.some((source) => isInCoverageScope(sourcePath(source, repoRoot), repoRoot))) continue
      const converter = v8ToIstanbul(fileURLToPath(script.url), 0, {
        // Only line lengths matter for mapping; Node keeps those rather than the code.
        source: map.lineLengths.map((length) => '.'.repeat(length)).join('\n'),
        sourceMap: { sourcemap: map.data as never },
      })
      await converter.load()
      converter.applyCoverage(script.functions)
      for (const file of Object.values(converter.toIstanbul()) as IstanbulFileCoverage[]) {
        const resolved = sourcePath(file.path, repoRoot)
        if (isInCoverageScope(resolved, repoRoot)) found.push({ ...file, path: path.resolve(repoRoot, resolved) })
      }
      converter.destroy()
    }
  }
  return found
}

/**
 * Source map entries name files in several ways: absolute paths, file URLs, and Turbopack's
 * `turbopack:///[project]/collections/...`. All become paths relative to the repository.
 */
export function sourcePath(source: string, repoRoot: string): string {
  const project = /\[project\]\/(.*)$/.exec(source)
  if (project?.[1] !== undefined) return project[1]
  const file = source.startsWith('file://') ? fileURLToPath(source) : source
  return path.isAbsolute(file) ? path.relative(repoRoot, file) : file
}
