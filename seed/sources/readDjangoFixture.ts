import { readJsonFile } from './readJsonFile'
import { RecordReader } from './RecordReader'
import { SourceDataError } from './SourceDataError'

/** One row of a Django fixture: `{ "model": "boxes.box", "pk": 1, "fields": { ... } }`. */
export interface DjangoFixtureRow {
  model: string
  pk: number
  fields: RecordReader
}

/**
 * Reads a Django fixture file (python.org's `fixtures/*.json` format) into rows whose fields
 * are read through a RecordReader labelled `<model> pk=<pk>`.
 */
export async function readDjangoFixture(filePath: string): Promise<DjangoFixtureRow[]> {
  const rows = await readJsonFile(filePath)
  if (!Array.isArray(rows)) throw new SourceDataError(filePath, null, 'expected a Django fixture (a JSON array of rows)')
  const seen = new Set<string>()
  return rows.map((row: unknown, index) => {
    const envelope = RecordReader.of(row, filePath, `row ${index}`)
    const model = envelope.nonEmptyString('model')
    const pk = envelope.integer('pk')
    const record = `${model} pk=${pk}`
    if (seen.has(record)) throw new SourceDataError(filePath, record, 'appears twice')
    seen.add(record)
    return { model, pk, fields: envelope.object('fields', record) }
  })
}
