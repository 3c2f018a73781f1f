/**
 * A source file that does not hold what its reader expects. The message names the file and
 * the record, so a bad fixture is fixed at its source instead of failing somewhere in Payload.
 */
export class SourceDataError extends Error {
  readonly file: string
  readonly record: string | null

  constructor(file: string, record: string | null, problem: string) {
    super(record === null ? `${file}: ${problem}` : `${file}: ${record}: ${problem}`)
    this.name = 'SourceDataError'
    this.file = file
    this.record = record
  }
}
