import { fileURLToPath } from 'node:url'

import { resolveSharedDataDir } from '../../../seed/sources/resolveSharedDataDir'

/** The real, read-only seed data beside the repository (`../shared/data`). */
export const realDataDir = resolveSharedDataDir(fileURLToPath(new URL('../../../', import.meta.url)))
