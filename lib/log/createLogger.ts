/**
 * The one logger for the CMS, the renderer, jobs and scripts (pino, which Payload uses too).
 * With NODE_ENV=production every line is JSON on stdout for the log shipper; otherwise a
 * short readable line (`web: listening on ...`), warnings and errors on stderr. LOG_LEVEL
 * (trace, debug, info, warn, error, fatal, silent) sets the threshold; the default is info.
 * Secrets are redacted in both modes (see redaction.ts).
 */
import pino, { type DestinationStream, type Logger, type LevelWithSilent } from 'pino'

import { readableLine } from './readableLine'
import { redactCensor, redactLinkTokens, redactPaths } from './redaction'

export type { Logger } from 'pino'

export interface LoggerOptions {
  readonly env?: NodeJS.ProcessEnv
  /** Where lines go; tests pass a collecting stream. Default: stdout (JSON) or the readable formatter. */
  readonly destination?: DestinationStream
}

const levels: readonly LevelWithSilent[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']

export function logLevelFrom(raw: string | undefined): LevelWithSilent {
  const level = raw?.trim().toLowerCase()
  if (level === undefined || level === '') return 'info'
  if ((levels as readonly string[]).includes(level)) return level as LevelWithSilent
  throw new Error(`LOG_LEVEL must be one of ${levels.join(', ')} (got "${raw}").`)
}

/** pino options shared by every process (Payload's logger is built from these too). */
export function loggerOptions(name: string, env: NodeJS.ProcessEnv = process.env): pino.LoggerOptions {
  return {
    name,
    level: logLevelFrom(env.LOG_LEVEL),
    redact: { paths: [...redactPaths], censor: redactCensor },
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    // A message may quote a URL (an error naming the CMS path it called): its link tokens go too.
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg: unknown) => (typeof arg === 'string' ? redactLinkTokens(arg) : arg)) as Parameters<typeof method>)
      },
    },
  }
}

/**
 * LOG_FORMAT (`json` or `readable`) overrides the default, JSON exactly when NODE_ENV=production:
 * `npm start` runs production builds on a developer's machine and asks for readable lines.
 */
export function logFormatFrom(env: NodeJS.ProcessEnv): 'json' | 'readable' {
  const raw = env.LOG_FORMAT?.trim().toLowerCase()
  if (raw === 'json' || raw === 'readable') return raw
  if (raw !== undefined && raw !== '') throw new Error(`LOG_FORMAT must be json or readable (got "${env.LOG_FORMAT}").`)
  return env.NODE_ENV === 'production' ? 'json' : 'readable'
}

export function createLogger(name: string, options: LoggerOptions = {}): Logger {
  const env = options.env ?? process.env
  return pino(loggerOptions(name, env), destinationFor(env, options))
}

/** Where a logger's lines go: the given destination, else standard output (JSON) or the readable formatter. */
function destinationFor(env: NodeJS.ProcessEnv, options: LoggerOptions): DestinationStream {
  return options.destination ?? (logFormatFrom(env) === 'json' ? standardOutput() : readableDestination())
}

/**
 * The logger of request lines (lib/log/logRequest.ts), in the same format and destination as
 * createLogger's, without its field redaction: a request line holds only fields built there
 * (the id, checked; method; the URL through redactUrl; status; time), and the wildcard paths'
 * walk of every line was most of the cost of logging each answer of the CMS's response cache.
 * Never give it anything else to log.
 */
export function createRequestLineLogger(name: string, options: LoggerOptions = {}): Logger {
  const env = options.env ?? process.env
  const { redact: _redact, hooks: _hooks, ...rest } = loggerOptions(name, env)
  return pino(rest, destinationFor(env, options))
}

let sharedStandardOutput: ReturnType<typeof pino.destination> | undefined

/**
 * Standard output for JSON lines, one per process (the loggers of a process share it, so their
 * lines keep their order). Written asynchronously: a synchronous write blocks the process
 * whenever the pipe to the log shipper is full, and the CMS logs every request, the answers of
 * its response cache included (with a slow reader, the bench measured the CMS's cache hits spending
 * more time in that write, and in atomic-sleep waiting on the full pipe, than in answering).
 * What is still buffered when the process exits (process.exit after a fatal line, an uncaught
 * exception) is written synchronously then, so such a line is not lost.
 */
function standardOutput(): ReturnType<typeof pino.destination> {
  if (sharedStandardOutput !== undefined) return sharedStandardOutput
  const output = pino.destination({ dest: 1, sync: false })
  process.once('exit', () => {
    try {
      output.flushSync()
    } catch {
      // Not open yet, or already closed: nothing buffered to save.
    }
  })
  sharedStandardOutput = output
  return output
}

/**
 * Development: `name: message key=value` through console (errors to console.error, warnings
 * to console.warn, the rest to console.log), so a terminal, a test's console spy and the
 * lines a script printed before all read the same.
 */
function readableDestination(): DestinationStream {
  return {
    write(line: string) {
      let record: Record<string, unknown>
      try {
        record = JSON.parse(line) as Record<string, unknown>
      } catch {
        console.log(line.trimEnd())
        return
      }
      const level = typeof record.level === 'number' ? record.level : 30
      const text = readableLine(record)
      if (level >= 50) console.error(text)
      else if (level >= 40) console.warn(text)
      else console.log(text)
    },
  }
}
