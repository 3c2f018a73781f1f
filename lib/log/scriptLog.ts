/**
 * Diagnostics of the command-line scripts (prepare, reindexSearch, jobs:run): failures and
 * warnings in the common format, so a production run's output can be shipped like the servers'.
 * What a script exists to print (seed progress, "Ready.", a job's result) stays plain output.
 */
import { createLogger, type Logger } from './createLogger'

export const scriptLog: Logger = createLogger('scripts')
