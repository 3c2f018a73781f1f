import { RecordReader } from './RecordReader'
import { SourceDataError } from './SourceDataError'

export const RELEASE_CYCLE_STATUSES = ['feature', 'prerelease', 'bugfix', 'security', 'end-of-life'] as const

export type ReleaseCycleStatus = (typeof RELEASE_CYCLE_STATUSES)[number]

/** One release series of peps.python.org's release-cycle.json, shaped for `release-cycles`. */
export interface ReleaseCycleEntry {
  cycle: string
  status: ReleaseCycleStatus
  /** UTC ISO date-times. */
  firstRelease: string
  endOfLife: string
  pep: number
}

/**
 * Reads peps.python.org's `api/release-cycle.json` (the devguide's `include/release-cycle.json`):
 * an object keyed by cycle (`"3.14": {"branch", "pep", "status", "first_release",
 * "end_of_life", "release_manager"}`). A planned end of life may be a month (`2030-10`): it means
 * the month's last day, as the seeded cycles hold it. Anything else, or no cycle at all, throws
 * a SourceDataError naming `source`, so an importer given a broken document writes nothing.
 */
export function parseReleaseCycleJson(text: string, source: string): ReleaseCycleEntry[] {
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    throw new SourceDataError(source, null, `is not JSON (${error instanceof Error ? error.message : String(error)})`)
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new SourceDataError(source, null, 'must be an object keyed by release cycle, like {"3.14": {...}}')
  }
  const entries = Object.entries(document).map(([cycle, value]) => entryOf(cycle, value, source))
  if (entries.length === 0) throw new SourceDataError(source, null, 'lists no release cycle')
  return entries.sort((a, b) => a.cycle.localeCompare(b.cycle, 'en', { numeric: true }))
}

function entryOf(cycle: string, value: unknown, source: string): ReleaseCycleEntry {
  const record = RecordReader.of(value, source, `cycle "${cycle}"`)
  if (!/^\d+\.\d+$/.test(cycle)) throw record.problem('a cycle is a major.minor version, like 3.14')
  const status = record.nonEmptyString('status')
  if (!(RELEASE_CYCLE_STATUSES as readonly string[]).includes(status)) {
    throw record.problem(`status "${status}" is not one of ${RELEASE_CYCLE_STATUSES.join(', ')}`)
  }
  const pep = record.integer('pep')
  if (pep <= 0) throw record.problem(`pep ${pep} must be a positive PEP number`)
  const firstRelease = record.withRecordContext(() => dayOf(record.nonEmptyString('first_release'), 'first'))
  const endOfLife = record.withRecordContext(() => dayOf(record.nonEmptyString('end_of_life'), 'last'))
  if (endOfLife < firstRelease) throw record.problem('end_of_life is before first_release')
  return { cycle, status: status as ReleaseCycleStatus, firstRelease, endOfLife, pep }
}

/** UTC midnight of a day; Date.UTC alone reads years 0 to 99 as 1900 to 1999 (`0099-10` was October 1999). */
function utcDay(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0)
  date.setUTCFullYear(year, monthIndex, day)
  return date
}

/** `2025-10-07` is that day; `2030-10` the month's first or last day; at UTC midnight. */
function dayOf(value: string, dayOfMonth: 'first' | 'last'): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (day) {
    const date = utcDay(Number(day[1]), Number(day[2]) - 1, Number(day[3]))
    if (date.toISOString().slice(0, 10) !== value) throw new Error(`"${value}" is not a real date`)
    return date.toISOString()
  }
  const month = /^(\d{4})-(\d{2})$/.exec(value)
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    const year = Number(month[1])
    const index = Number(month[2]) - 1
    return (dayOfMonth === 'first' ? utcDay(year, index, 1) : utcDay(year, index + 1, 0)).toISOString()
  }
  throw new Error(`"${value}" is not a date like 2025-10-07 or a month like 2030-10`)
}
