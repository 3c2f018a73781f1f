/**
 * A pino record as one line for a developer's terminal: `name: message key=value ...`, then
 * an error's stack on the lines after. The message text is the same as in the JSON line, so
 * people (and tests) looking for "listening on" find it in both modes.
 */
const hidden = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg', 'v', 'err', 'error'])

export function readableLine(record: Record<string, unknown>): string {
  const name = typeof record.name === 'string' ? `${record.name}: ` : ''
  const message = typeof record.msg === 'string' ? record.msg : ''
  const fields = Object.entries(record)
    .filter(([key]) => !hidden.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
  const failure = (record.err ?? record.error) as { stack?: unknown; message?: unknown } | undefined
  const stack = failure === undefined ? '' : `\n${typeof failure.stack === 'string' ? failure.stack : String(failure.message)}`
  return `${name}${message}${fields.length > 0 ? ` ${fields.join(' ')}` : ''}${stack}`
}
