/**
 * `tsx scripts/prepare.ts`: migrate, ensure the configured admin, and seed an empty database,
 * without starting anything. Used by the system tests and by docker-compose's cms service.
 */
import { prepareDatabase } from './lib/prepareDatabase'
import { scriptLog } from '../lib/log/scriptLog'

prepareDatabase().then(
  // Exit explicitly: a handle Payload leaves open (seen when stdin is not a terminal) would
  // otherwise keep this one-shot command alive after its work is done.
  () => process.exit(0),
  (error: unknown) => {
    scriptLog.fatal({ err: error }, 'preparing the database failed')
    process.exit(1)
  },
)
