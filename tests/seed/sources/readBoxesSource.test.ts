import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type BoxRecord, readBoxesSource } from '../../../seed/sources/readBoxesSource'
import { realDataDir } from '../support/realDataDir'
import { temporaryDataDir } from '../support/temporaryDataDir'

describe('readBoxesSource on the real data', () => {
  let boxes: BoxRecord[]
  beforeAll(async () => {
    boxes = await readBoxesSource(realDataDir)
  })
  const box = (label: string) => boxes.find((candidate) => candidate.label === label)

  it('reads all 63 boxes, with unique labels', () => {
    expect(boxes).toHaveLength(63)
    expect(new Set(boxes.map((candidate) => candidate.label)).size).toBe(63)
    expect(boxes.every((candidate) => candidate.markupType === 'html')).toBe(true)
  })

  it('keeps the HTML python.org serves', () => {
    expect(box('supernav-python-about')?.content).toContain('<li class="tier-2 super-navigation">')
    // The markdown box arrives rendered.
    expect(box('feedbacks-complete')).toEqual({
      label: 'feedbacks-complete',
      content: '<p>Thanks for submitting your feedback!</p>',
      markupType: 'html',
      sourceMarkupType: 'markdown',
    })
    // The live site shows the rendered (corrected) text, not the stale raw field.
    expect(box('events-subscriptions')?.content).toContain('PythonEventsCalendar#Submitting_an_Event')
    expect(box('events-subscriptions')?.content).not.toContain('href="/events/submit/"')
  })
})

describe('readBoxesSource on malformed input', () => {
  let scratch: Awaited<ReturnType<typeof temporaryDataDir>>
  beforeAll(async () => {
    scratch = await temporaryDataDir()
  })
  afterAll(async () => {
    await scratch.cleanUp()
  })

  const row = (pk: number, fields: Record<string, unknown>) => ({
    model: 'boxes.box',
    pk,
    fields: { label: `box-${pk}`, content: 'x', content_markup_type: 'html', _content_rendered: 'x', ...fields },
  })

  async function readWith(rows: unknown) {
    await scratch.write('pythondotorg/boxes.json', rows)
    return readBoxesSource(scratch.dir)
  }

  it('rejects a file that is not a fixture array', async () => {
    await expect(readWith({ boxes: [] })).rejects.toThrow(/boxes\.json: expected a Django fixture/)
  })

  it('names the row of a missing rendered field', async () => {
    await expect(readWith([row(1, {}), row(7, { _content_rendered: undefined })])).rejects.toThrow(
      /boxes\.json: boxes\.box pk=7: field "_content_rendered" must be a string, got missing/,
    )
  })

  it('rejects duplicate labels and rows of another model', async () => {
    await expect(readWith([row(1, { label: 'same' }), row(2, { label: 'same' })])).rejects.toThrow(
      /boxes\.box pk=2: label "same" is used by another box/,
    )
    await expect(readWith([{ ...row(1, {}), model: 'pages.page' }])).rejects.toThrow(/pages\.page pk=1: expected only boxes\.box rows/)
  })
})
