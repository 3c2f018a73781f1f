/**
 * `npm run jobs:run -- <task> [--input '<json>']`: queues one job of a scheduled task and runs it
 * now against the configured database (DATABASE_URL, or the embedded Postgres of a running
 * `npm start`), printing its output or error. The job stays in the admin's Jobs list; a failure
 * is retried later by the serving CMS. Exit code: 0 succeeded, 1 failed or waiting, 2 bad usage.
 *
 *   npm run jobs:run -- importBlogFeed
 *   npm run jobs:run -- importCalendars --input '{"calendar":"python-events"}'
 */
import { getPayload } from 'payload'

import config from '../cms/payload.config'
import { runJobByHand, UnknownTaskError } from '../cms/jobs/runJobByHand'
import { scriptLog } from '../lib/log/scriptLog'

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run jobs:run -- <task> [--input '{"key":"value"}']`)
  process.exit(2)
}

function parseArguments(args: string[]): { task: string; input: Record<string, unknown> } {
  const [task, ...rest] = args
  if (!task || task.startsWith('-')) usage('Name the task to run.')
  if (rest.length === 0) return { task, input: {} }
  if (rest.length !== 2 || rest[0] !== '--input') usage(`Unexpected arguments: ${rest.join(' ')}`)
  let input: unknown
  try {
    input = JSON.parse(rest[1])
  } catch {
    usage(`--input is not JSON: ${rest[1]}`)
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) usage('--input must be a JSON object.')
  return { task, input: input as Record<string, unknown> }
}

const { task, input } = parseArguments(process.argv.slice(2))
const payload = await getPayload({ config })
let exitCode = 1
try {
  const result = await runJobByHand(payload, task, input)
  switch (result.state) {
    case 'succeeded':
      console.log(`${task} succeeded (job ${result.jobId}): ${JSON.stringify(result.output)}`)
      exitCode = 0
      break
    case 'retrying':
      console.error(`${task} failed (job ${result.jobId}): ${result.error}\nThe serving CMS retries it at ${result.retryAt}.`)
      break
    case 'failed':
      console.error(`${task} failed (job ${result.jobId}), no retry left: ${result.error}`)
      break
    case 'waiting':
      console.error(`${task} is already running; job ${result.jobId} is queued and runs after it.`)
      break
  }
} catch (error) {
  if (!(error instanceof UnknownTaskError)) throw error
  scriptLog.error(error.message)
  exitCode = 2
} finally {
  await payload.destroy()
}
process.exit(exitCode)
