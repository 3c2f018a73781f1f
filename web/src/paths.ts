/**
 * Locations of the renderer's files on disk, resolved from this module rather than from
 * the working directory, so `node web/src/server.ts` behaves the same from any directory.
 */
import { fileURLToPath } from 'node:url';

export const viewsDirectory = fileURLToPath(new URL('./views/', import.meta.url));
export const publicDirectory = fileURLToPath(new URL('../public/', import.meta.url));
