/**
 * `tsx scripts/prepare.ts`: migrate, ensure the configured admin, and seed an empty database,
 * without starting anything. Used by the system tests and by docker-compose's cms service.
 */
import { prepareDatabase } from './lib/prepareDatabase'

prepareDatabase().then(
  // Exit explicitly: a handle Payload leaves open (seen when stdin is not a terminal) would
  // otherwise keep this one-shot command alive after its work is done.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error)
    process.exit(1)
  },
)
