import { describe, expect, it } from 'vitest'

import { MAX_UPLOAD_NAME_LENGTH, safeUploadFilename } from '../../../collections/uploads/safeUploadFilename'

describe('upload file names', () => {
  it('keeps only the base name: no directory of either kind', () => {
    expect(safeUploadFilename('../../etc/passwd.png')).toBe('passwd.png')
    expect(safeUploadFilename('..\\..\\windows\\win.ini')).toBe('win.ini')
    expect(safeUploadFilename('/absolute/path/python-3.14.0-amd64.exe')).toBe('python-3.14.0-amd64.exe')
  })

  it('folds accents, turns other characters into dashes and drops leading dots', () => {
    expect(safeUploadFilename('space name ü.png')).toBe('space-name-u.png')
    expect(safeUploadFilename('a;b|c$d<e>.tar.xz')).toBe('a-b-c-d-e-.tar.xz')
    expect(safeUploadFilename('.htaccess')).toBe('htaccess')
    expect(safeUploadFilename('...')).toBe('file')
    expect(safeUploadFilename('python-3.14.0rc1+local_build.tgz')).toBe('python-3.14.0rc1+local_build.tgz')
  })

  it('replaces the extension with the one given, so an image named .html is stored as what it is', () => {
    expect(safeUploadFilename('evil.html', 'png')).toBe('evil.png')
    expect(safeUploadFilename('x.png.php', 'jpg')).toBe('x.png.jpg')
    expect(safeUploadFilename('.htaccess', 'png')).toBe('htaccess.png')
  })

  it(`bounds the length to ${MAX_UPLOAD_NAME_LENGTH} characters, extension included`, () => {
    expect(safeUploadFilename(`${'b'.repeat(300)}.png`, 'png')).toBe(`${'b'.repeat(96)}.png`)
    expect(safeUploadFilename('c'.repeat(300))).toHaveLength(MAX_UPLOAD_NAME_LENGTH)
  })
})
