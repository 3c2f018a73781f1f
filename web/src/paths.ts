/**
 * Locations of the renderer's files on disk, resolved from this module rather than from
 * the working directory, so the server behaves the same from any directory. This module is
 * either web/src/paths.ts itself (run through tsx) or bundled into dist/web/server.js (the
 * production build, scripts/lib/compileForProduction.ts), whose views stay in web/src/views.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** This folder when it holds the views, else web/src in the nearest folder above that has one. */
function findSourceDirectory(start: string): string {
  if (existsSync(path.join(start, 'views'))) return start;
  for (let folder = start, depth = 0; depth < 6; folder = path.dirname(folder), depth += 1) {
    const candidate = path.join(folder, 'web', 'src');
    if (existsSync(path.join(candidate, 'views'))) return candidate;
  }
  throw new Error(`web/src/views was not found above ${start}`);
}

const sourceDirectory = findSourceDirectory(path.dirname(fileURLToPath(import.meta.url)));

export const viewsDirectory = path.join(sourceDirectory, 'views') + path.sep;
export const publicDirectory = path.join(sourceDirectory, '..', 'public') + path.sep;
