/**
 * Escaping for text and attribute values. Text escapes exactly what the sanitiser re-escapes
 * (`&`, `<`, `>`), so sanitising the output leaves it byte for byte as it was.
 */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}
