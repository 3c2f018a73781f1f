/**
 * docutils' two name transformations: reference names compare case-insensitively with
 * whitespace collapsed (`normalize_name`), and HTML ids are lower-case ASCII words joined by
 * hyphens, never starting with a digit or hyphen (`make_id`).
 */
export function normalizeReferenceName(name: string): string {
  return name.trim().split(/\s+/).join(' ').toLowerCase();
}

export function makeHtmlId(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[-0-9]+|-+$/g, '');
}
