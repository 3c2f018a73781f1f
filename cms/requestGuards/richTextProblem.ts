/**
 * What is wrong with the shape of a Lexical rich-text value, or null. Payload's Lexical hooks
 * and the site's HTML converter assume every node is an object, `children` an array and `text`
 * a string: `{"root": {"children": "x"}}` crashed the save with a TypeError (a 500), and a
 * stored `children: [42]` would have broken the page that shows it. Node types and block fields
 * are left to Payload's own validation.
 */
export function richTextProblem(field: string, value: unknown): string | null {
  if (value === null || value === undefined) return null
  const root = typeof value === 'object' && !Array.isArray(value) ? (value as { root?: unknown }).root : undefined
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return `"${field}" must be Lexical rich text: {"root": {"type": "root", "children": [...]}}.`
  const pending: unknown[] = [root]
  while (pending.length > 0) {
    const node = pending.pop()
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return `"${field}" holds a rich-text node that is not an object.`
    const { children, text, fields } = node as { children?: unknown; text?: unknown; fields?: unknown }
    if (children !== undefined && !Array.isArray(children)) return `"${field}" holds a rich-text node whose "children" is not a list.`
    if (text !== undefined && typeof text !== 'string') return `"${field}" holds a rich-text text node whose "text" is not text.`
    if (fields !== undefined && (typeof fields !== 'object' || fields === null || Array.isArray(fields))) return `"${field}" holds a rich-text node whose "fields" is not an object.`
    if (Array.isArray(children)) pending.push(...children)
  }
  return null
}
