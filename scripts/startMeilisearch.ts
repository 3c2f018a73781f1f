/**
 * `npm run start:meilisearch`: the search server of docker-compose.yml on this machine, the
 * same version (1.21, from the pinned npm package) with the same flag (`--no-analytics`), on
 * 127.0.0.1:7700 with its data in DATA_DIR/meilisearch. Meilisearch reads MEILI_MASTER_KEY
 * (and its other MEILI_* variables) itself. Point the CMS at it with
 * MEILISEARCH_URL=http://127.0.0.1:7700 (and MEILISEARCH_API_KEY=$MEILI_MASTER_KEY).
 */
import { spawn } from 'node:child_process'
import path from 'node:path'

import { resolveDataDir } from '../cms/runtime/dataDir'
import { meilisearchBinary } from './lib/meilisearchBinary'

const root = path.join(resolveDataDir(), 'meilisearch')
const binary = await meilisearchBinary()
const child = spawn(
  binary,
  [
    '--no-analytics',
    '--http-addr', '127.0.0.1:7700',
    '--db-path', path.join(root, 'data.ms'),
    '--dump-dir', path.join(root, 'dumps'),
    '--snapshot-dir', path.join(root, 'snapshots'),
  ],
  { stdio: 'inherit' },
)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 0)))
