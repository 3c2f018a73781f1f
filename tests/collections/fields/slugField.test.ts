import { describe, expect, it } from 'vitest'

import { slugify, validateSlug } from '../../../collections/fields/slugField'

describe('slugs', () => {
  it('are derived from the name as Django does', () => {
    expect(slugify('Python 3.14.7')).toBe('python-3147')
    expect(slugify('Café  au -- lait')).toBe('cafe-au-lait')
  })

  it('may be left blank when the name gives one, and hold only letters, digits, dashes and underscores', () => {
    expect(validateSlug('', 'Python Events', 'name')).toBe(true)
    expect(validateSlug(null, undefined, 'name')).toBe(true)
    expect(validateSlug('python_3-14', '<<<', 'name')).toBe(true)
    expect(validateSlug('a b', 'A b', 'name')).toContain('only letters')
  })

  // Found by the content fuzz (issue 10): an operating system named "<<<<" was saved with an
  // empty slug, and /downloads/operating-systems/ answered 500 for everyone from then on.
  it('are refused blank when nothing of the name survives slugify', () => {
    for (const name of ['<<<<', '!!!', 'שלום', '\u202E\u0301', '   ---   ']) {
      expect(validateSlug('', name, 'name'), name).toContain('No slug can be made from this name')
      expect(validateSlug(undefined, name, 'name'), name).toContain('No slug can be made')
    }
  })
})
