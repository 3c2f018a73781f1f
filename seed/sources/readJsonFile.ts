import { readFile } from 'node:fs/promises'

import { SourceDataError } from './SourceDataError'

/** Reads and parses a JSON source file; a missing or unparsable file names itself in the error. */
export async function readJsonFile(filePath: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(filePath, 'utf8')
  } catch (error) {
    throw new SourceDataError(filePath, null, `cannot be read (${describe(error)})`)
  }
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new SourceDataError(filePath, null, `is not valid JSON (${describe(error)})`)
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
