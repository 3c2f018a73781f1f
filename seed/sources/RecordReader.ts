import { SourceDataError } from './SourceDataError'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/

function isRealDate(isoDate: string): boolean {
  const time = Date.parse(`${isoDate}T00:00:00Z`)
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === isoDate
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'missing'
  return `${JSON.stringify(value)} (${value === null ? 'null' : typeof value})`
}

/**
 * Typed access to one record of a source file. Every accessor checks the value and throws a
 * SourceDataError naming the file, the record and the field, so readers stay declarative.
 */
export class RecordReader {
  readonly file: string
  readonly record: string
  private readonly values: Readonly<Record<string, unknown>>

  private constructor(file: string, record: string, values: Readonly<Record<string, unknown>>) {
    this.file = file
    this.record = record
    this.values = values
  }

  /** Wraps a parsed JSON value that must be an object. */
  static of(value: unknown, file: string, record: string): RecordReader {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new SourceDataError(file, record, `expected an object, got ${describeValue(value)}`)
    }
    return new RecordReader(file, record, value as Record<string, unknown>)
  }

  /** An error about this record (for checks that span several fields). */
  problem(message: string): SourceDataError {
    return new SourceDataError(this.file, this.record, message)
  }

  /**
   * Runs a check or conversion on this record's values; a plain Error it throws (from a shared
   * parser that knows nothing of files) comes back as a SourceDataError naming this record.
   */
  withRecordContext<T>(compute: () => T): T {
    try {
      return compute()
    } catch (error) {
      if (error instanceof SourceDataError) throw error
      throw this.problem(error instanceof Error ? error.message : String(error))
    }
  }

  private invalid(key: string, expected: string): SourceDataError {
    return this.problem(`field "${key}" must be ${expected}, got ${describeValue(this.values[key])}`)
  }

  has(key: string): boolean {
    return Object.hasOwn(this.values, key)
  }

  /** A nested object, read with the same error reporting; its errors name `record`. */
  object(key: string, record = `${this.record} ${key}`): RecordReader {
    const value = this.values[key]
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw this.invalid(key, 'an object')
    return new RecordReader(this.file, record, value as Record<string, unknown>)
  }

  array(key: string): readonly unknown[] {
    const value = this.values[key]
    if (!Array.isArray(value)) throw this.invalid(key, 'an array')
    return value
  }

  string(key: string): string {
    const value = this.values[key]
    if (typeof value !== 'string') throw this.invalid(key, 'a string')
    return value
  }

  nonEmptyString(key: string): string {
    const value = this.values[key]
    if (typeof value !== 'string' || value.trim() === '') throw this.invalid(key, 'a non-empty string')
    return value
  }

  nullableString(key: string): string | null {
    const value = this.values[key]
    if (value === null) return null
    if (typeof value !== 'string') throw this.invalid(key, 'a string or null')
    return value
  }

  boolean(key: string): boolean {
    const value = this.values[key]
    if (typeof value !== 'boolean') throw this.invalid(key, 'true or false')
    return value
  }

  integer(key: string): number {
    const value = this.values[key]
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw this.invalid(key, 'an integer')
    return value
  }

  nullableInteger(key: string): number | null {
    const value = this.values[key]
    if (value === null) return null
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw this.invalid(key, 'an integer or null')
    return value
  }

  integerArray(key: string): number[] {
    const values = this.array(key)
    if (!values.every((value) => typeof value === 'number' && Number.isSafeInteger(value))) {
      throw this.invalid(key, 'an array of integers')
    }
    return values as number[]
  }

  /** A calendar date, `YYYY-MM-DD`, returned as written. */
  isoDate(key: string): string {
    const value = this.values[key]
    // The round trip rejects dates that do not exist, such as 2024-02-30.
    if (typeof value !== 'string' || !ISO_DATE.test(value) || !isRealDate(value)) {
      throw this.invalid(key, 'a date like 2024-10-07')
    }
    return value
  }

  /**
   * A point in time, returned as a UTC ISO string (`2024-10-07T18:42:45.000Z`). A bare date
   * means midnight UTC, which is how python.org's date-only release data is meant.
   */
  isoDateTime(key: string): string {
    const value = this.values[key]
    if (typeof value === 'string') {
      const text = ISO_DATE.test(value) ? `${value}T00:00:00Z` : value
      if (ISO_DATE_TIME.test(text) && isRealDate(text.slice(0, 10))) {
        const time = Date.parse(text)
        if (!Number.isNaN(time)) return new Date(time).toISOString()
      }
    }
    throw this.invalid(key, 'an ISO date-time like 2024-10-07T18:42:45Z')
  }

  /** An absolute http(s) URL. */
  httpUrl(key: string): string {
    const value = this.values[key]
    if (typeof value !== 'string' || !/^https?:\/\/\S+$/.test(value) || !URL.canParse(value)) {
      throw this.invalid(key, 'an absolute http(s) URL')
    }
    return value
  }

  /** An absolute http(s) URL, or null when the field is null or blank (Django's blank URL). */
  optionalHttpUrl(key: string): string | null {
    const value = this.values[key]
    if (value === null || value === '') return null
    return this.httpUrl(key)
  }
}
