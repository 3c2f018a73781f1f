/**
 * How deeply a JSON value nests, counted without recursion (a hostile body nests thousands of
 * levels, which is exactly what would overflow a recursive walk), stopping once past `limit`.
 */
export function nestingDepthExceeds(value: unknown, limit: number): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }]
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number }
    if (typeof node !== 'object' || node === null) continue
    if (depth >= limit) return true
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push({ node: child, depth: depth + 1 })
  }
  return false
}
