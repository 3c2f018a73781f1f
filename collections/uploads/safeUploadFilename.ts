import path from 'node:path'

/** Longer names are cut: with the size suffixes Payload adds, 300 characters overflowed the file system's limit. */
export const MAX_UPLOAD_NAME_LENGTH = 100

/**
 * A file name safe to keep on disk and in URLs: the base name only (no directory, so
 * `../../etc/passwd.png` stays in the upload directory), letters, digits, `.`, `_`, `+` and `-`
 * (accents folded, anything else a dash), no leading dot, at most MAX_UPLOAD_NAME_LENGTH
 * characters. With `extension`, the name ends in it whatever the client called the file, so an
 * image named `evil.html` is stored as `evil.png` and no server can take it for a page.
 */
export function safeUploadFilename(original: string, extension?: string): string {
  const base = path.posix.basename(original.replace(/\\/g, '/'))
  const currentExtension = path.posix.extname(base)
  const stem = extension === undefined ? base : base.slice(0, base.length - currentExtension.length)
  const cleaned = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._+-]+/g, '-')
    .replace(/^[.-]+/, '')
    .replace(/-+$/, '')
  const suffix = extension === undefined ? '' : `.${extension}`
  const kept = cleaned.slice(0, MAX_UPLOAD_NAME_LENGTH - suffix.length) || 'file'
  return `${kept}${suffix}`
}
