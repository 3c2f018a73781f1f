import path from 'node:path'

import { readDjangoFixture } from './readDjangoFixture'
import { SourceDataError } from './SourceDataError'

export const BOXES_SOURCE_FILE = path.join('pythondotorg', 'boxes.json')

const BOX_MODEL = 'boxes.box'

export interface BoxRecord {
  label: string
  /** The HTML python.org serves for this box. */
  content: string
  /** What `content` is written in: always HTML, since it is python.org's rendered output. */
  markupType: 'html'
  /** The markup the box was written in on python.org (`html`, `markdown`, ...), for reference. */
  sourceMarkupType: string
}

/**
 * Reads python.org's boxes fixture.
 *
 * Every box takes `_content_rendered`, the HTML python.org actually serves (its `{% box %}` tag
 * and `/box/<label>/` output the rendered field), not the raw `content`:
 * - for the one markdown box (`feedbacks-complete`) the raw text is markdown;
 * - for the 62 html boxes the two are identical except `events-subscriptions`, whose rendered
 *   HTML is the corrected text the live site shows (wiki "Submitting an Event" link, fixed
 *   spacing) while the raw field kept an older draft.
 */
export async function readBoxesSource(dataDir: string): Promise<BoxRecord[]> {
  const file = path.join(dataDir, BOXES_SOURCE_FILE)
  const labels = new Set<string>()
  return (await readDjangoFixture(file)).map(({ model, fields }) => {
    if (model !== BOX_MODEL) throw fields.problem(`expected only ${BOX_MODEL} rows`)
    const label = fields.nonEmptyString('label')
    if (!/^[a-z0-9_-]+$/.test(label)) throw fields.problem(`label "${label}" must be lower-case letters, digits, dashes and underscores`)
    if (labels.has(label)) throw new SourceDataError(file, fields.record, `label "${label}" is used by another box`)
    labels.add(label)
    return {
      label,
      content: fields.string('_content_rendered'),
      markupType: 'html',
      sourceMarkupType: fields.nonEmptyString('content_markup_type'),
    }
  })
}
