import { ValidationError, type CollectionBeforeChangeHook, type CollectionBeforeValidateHook, type Field, type Payload, type PayloadRequest } from 'payload'

import { MARKUP_RULES_VERSION, MAX_MARKUP_SOURCE_BYTES, MAX_RICH_TEXT_BYTES, markupSourceBytes } from '../../lib/markup/markupRules'
import { populateRichTextUploads } from './populateRichTextUploads'

type DocData = Record<string, unknown>

/** One stored HTML field: its name, the source fields it is rendered from, and how (lib/markup/storedMarkup). */
export type RenderedHtmlSpec = {
  readonly name: string
  readonly label: string
  /** The fields the HTML is rendered from; the first is the markup (its size is bounded). */
  readonly from: readonly string[]
  /** `richText` sources are Lexical JSON (bounded by MAX_RICH_TEXT_BYTES), `markup` strings (MAX_MARKUP_SOURCE_BYTES). */
  readonly source: 'richText' | 'markup'
  readonly render: (...sources: unknown[]) => string
}

/** What the rerender task needs from a collection: the specs, read from its `custom`. */
export type RenderedMarkupCustom = { readonly renderedMarkup: readonly RenderedHtmlSpec[] }

export const MARKUP_RULES_VERSION_FIELD = 'markupRulesVersion'

/** The HTML of every spec for a document (the whole document: incoming data over the stored one). */
export function renderHtmlFields(specs: readonly RenderedHtmlSpec[], doc: DocData): DocData {
  const html: DocData = Object.fromEntries(specs.map((spec) => [spec.name, spec.render(...spec.from.map((field) => doc[field]))]))
  html[MARKUP_RULES_VERSION_FIELD] = MARKUP_RULES_VERSION
  return html
}

/** The document with the uploads of its rich-text sources populated, ready for renderHtmlFields. */
export async function withPopulatedUploads(payload: () => Payload, specs: readonly RenderedHtmlSpec[], doc: DocData, req?: PayloadRequest): Promise<DocData> {
  const populated = { ...doc }
  for (const spec of specs) {
    if (spec.source === 'richText') populated[spec.from[0]] = await populateRichTextUploads(payload(), doc[spec.from[0]], req)
  }
  return populated
}

function tooLarge(specs: readonly RenderedHtmlSpec[], doc: DocData): { path: string; message: string }[] {
  return specs.flatMap((spec) => {
    const limit = spec.source === 'richText' ? MAX_RICH_TEXT_BYTES : MAX_MARKUP_SOURCE_BYTES
    const field = spec.from[0]
    const bytes = markupSourceBytes(doc[field])
    if (bytes <= limit) return []
    const size = (count: number) => `${(count / 1_000_000).toFixed(1)} MB`
    return [{ path: field, message: `This content is ${size(bytes)}; at most ${size(limit)} can be saved. Split it into several documents.` }]
  })
}

/**
 * Markup is rendered when it is saved, as python.org does, and the HTML kept beside its source:
 * the site only places it (issue 16). For a collection's specs this gives
 * - `fields`: one HTML field per spec, kept out of the admin (read over REST and GraphQL), and the
 *   rules version it was rendered with, read-only in the admin's sidebar (the hook overwrites
 *   whatever a client sends to either);
 * - `hooks`: beforeValidate refuses a source past its size limit (a 400 naming the field,
 *   nothing written, drafts too); beforeChange renders every spec from the whole document, on
 *   every save, drafts and autosaves included, so the HTML never lags its source;
 * - `custom`: the specs, for the `rerenderMarkup` task (cms/jobs/rerenderMarkup.ts).
 */
export function renderedMarkup(collection: string, specs: readonly RenderedHtmlSpec[]): {
  fields: Field[]
  beforeValidate: CollectionBeforeValidateHook
  beforeChange: CollectionBeforeChangeHook
  custom: RenderedMarkupCustom
} {
  const wholeDoc = (data: DocData | undefined, originalDoc: DocData | undefined): DocData => ({ ...(originalDoc ?? {}), ...(data ?? {}) })
  return {
    fields: [
      ...specs.map(
        (spec): Field => ({
          name: spec.name,
          label: spec.label,
          type: 'code',
          // Out of the admin's form: the form posts every field it holds, and a page's HTML beside
          // its source would double the body (the CMS takes 2 MiB of JSON). Read it over the API.
          admin: { readOnly: true, disabled: true },
        }),
      ),
      {
        name: MARKUP_RULES_VERSION_FIELD,
        type: 'number',
        index: true,
        admin: { readOnly: true, position: 'sidebar', description: 'The markup rules the HTML was rendered with.' },
      },
    ],
    beforeValidate: ({ data, originalDoc }) => {
      const errors = tooLarge(specs, wholeDoc(data, originalDoc))
      if (errors.length > 0) throw new ValidationError({ collection, errors })
      return data
    },
    beforeChange: ({ data, originalDoc, req }) => {
      const doc = wholeDoc(data, originalDoc)
      // Checked again: beforeValidate does not run for every write path (a version restore).
      const errors = tooLarge(specs, doc)
      if (errors.length > 0) throw new ValidationError({ collection, errors })
      return withPopulatedUploads(() => req.payload, specs, doc, req).then((populated) => ({ ...data, ...renderHtmlFields(specs, populated) }))
    },
    custom: { renderedMarkup: specs },
  }
}
