import type { Field, FieldHook } from 'payload'

/**
 * Django's `slugify`, which python.org's slugs come from: accents dropped, anything but word
 * characters, spaces and dashes removed (so `Python 3.14.7` becomes `python-3147`), runs of
 * spaces and dashes become one dash.
 */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^ -~]/g, '')
    .toLowerCase()
    .replace(/[^\w\s-]/g, '')
    .replace(/[-\s]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
}

/** Fills a blank slug from `sourceField`, as python.org's NameSlugModel does on save. */
function slugFromSource(sourceField: string): FieldHook {
  return ({ value, data }) => {
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
    const source = data?.[sourceField]
    return typeof source === 'string' ? slugify(source) : value
  }
}

/** A unique, indexed slug derived from `sourceField` when left blank. */
export function slugField(sourceField = 'name'): Field {
  return {
    name: 'slug',
    type: 'text',
    unique: true,
    index: true,
    maxLength: 200,
    admin: { position: 'sidebar', description: `Left blank, it is derived from the ${sourceField}.` },
    hooks: { beforeValidate: [slugFromSource(sourceField)] },
    validate: (value: string | null | undefined, { siblingData }: { siblingData?: Record<string, unknown> }) =>
      validateSlug(value, siblingData?.[sourceField], sourceField),
  }
}

/**
 * A slug holds letters, digits, dashes and underscores. Blank is fine when the server can derive
 * one (the admin form validates before the server derives it), but not when the source has
 * nothing slugify keeps (a name of only punctuation or non-Latin script): stored empty, the
 * document had no address and the site's listings failed to read it (a 500 for every visitor).
 */
export function validateSlug(value: string | null | undefined, source: unknown, sourceField: string): true | string {
  if (value == null || value === '') {
    return typeof source === 'string' && source.trim() !== '' && slugify(source) === ''
      ? `No slug can be made from this ${sourceField}: give one (letters, digits, dashes and underscores).`
      : true
  }
  return /^[A-Za-z0-9_-]+$/.test(value) ? true : 'A slug holds only letters, digits, dashes and underscores.'
}
