import { readFile } from 'node:fs/promises'

import { describe, expect, it } from 'vitest'

import { parseReleaseCycleJson } from '../../../seed/sources/parseReleaseCycleJson'
import { SourceDataError } from '../../../seed/sources/SourceDataError'

const SOURCE = 'https://peps.example/api/release-cycle.json'

function refusal(text: string): unknown {
  try {
    parseReleaseCycleJson(text, SOURCE)
  } catch (error) {
    return error
  }
  return null
}

const cycle = (fields: Record<string, unknown>) => JSON.stringify({ '3.16': { branch: '3.16', pep: 800, status: 'feature', first_release: '2027-10-01', end_of_life: '2032-10', ...fields } })

describe('parseReleaseCycleJson', () => {
  it("reads peps.python.org's document: a planned end of life (a month) is that month's last day", async () => {
    const text = await readFile(new URL('../../fixtures/feeds/release-cycle.json', import.meta.url), 'utf8')
    const entries = parseReleaseCycleJson(text, SOURCE)

    expect(entries.map((entry) => entry.cycle)).toEqual(['2.7', '3.9', '3.10', '3.11', '3.12', '3.13', '3.14', '3.15'])
    expect(entries.find((entry) => entry.cycle === '3.15')).toEqual({ cycle: '3.15', status: 'feature', firstRelease: '2026-10-01T00:00:00.000Z', endOfLife: '2031-10-31T00:00:00.000Z', pep: 790 })
    expect(entries.find((entry) => entry.cycle === '3.9')).toEqual({ cycle: '3.9', status: 'end-of-life', firstRelease: '2020-10-05T00:00:00.000Z', endOfLife: '2025-10-31T00:00:00.000Z', pep: 596 })
  })

  // Found by the content fuzz (issue 10): Date.UTC reads years 0 to 99 as 1900 to 1999, so
  // `0001-01-01` was refused as "not a real date" and a month like `0099-10` became October 1999.
  it('reads years below 100 as themselves', () => {
    const [entry] = parseReleaseCycleJson(cycle({ first_release: '0001-01-01', end_of_life: '0099-10' }), SOURCE)
    expect([entry.firstRelease, entry.endOfLife]).toEqual(['0001-01-01T00:00:00.000Z', '0099-10-31T00:00:00.000Z'])
  })

  it('ends a February month on its last day, leap years included', () => {
    expect(parseReleaseCycleJson(cycle({ end_of_life: '2028-02' }), SOURCE)[0].endOfLife).toBe('2028-02-29T00:00:00.000Z')
  })

  it.each([
    ['text that is not JSON', '<html>', 'is not JSON (Unexpected token \'<\', "<html>" is not valid JSON)'],
    ['null', 'null', 'must be an object keyed by release cycle, like {"3.14": {...}}'],
    ['a cycle that is not an object', '{"3.16": "feature"}', 'cycle "3.16": expected an object, got "feature" (string)'],
    ['a missing status', cycle({ status: undefined }), 'cycle "3.16": field "status" must be a non-empty string, got missing'],
    ['a PEP that is not a number', cycle({ pep: '800' }), 'cycle "3.16": field "pep" must be an integer, got "800" (string)'],
    ['a month that does not exist', cycle({ end_of_life: '2032-13' }), 'cycle "3.16": "2032-13" is not a date like 2025-10-07 or a month like 2030-10'],
    ['an end of life before the first release', cycle({ end_of_life: '2026-10' }), 'cycle "3.16": end_of_life is before first_release'],
  ])('refuses %s, naming the document and the cycle', (_case, text, problem) => {
    const thrown = refusal(text)
    expect(thrown).toBeInstanceOf(SourceDataError)
    expect((thrown as Error).message).toBe(`${SOURCE}: ${problem}`)
  })
})
