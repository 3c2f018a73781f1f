/**
 * Meilisearch's default typo rules, so both backends forgive the same mistakes: words of 5 to 8
 * characters may have one typo, longer words two, shorter words none. A typo is an insertion, a
 * deletion, a substitution or a swap of two neighbours ("pyhton" is one typo from "python").
 */
export function allowedTypos(word: string): number {
  const length = [...word].length
  if (length >= 9) return 2
  if (length >= 5) return 1
  return 0
}

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions at cost one. */
export function typoDistance(a: string, b: string): number {
  const left = [...a]
  const right = [...b]
  const rows = left.length + 1
  const columns = right.length + 1
  const distance: number[][] = Array.from({ length: rows }, (_, row) => Array.from({ length: columns }, (_, column) => (row === 0 ? column : column === 0 ? row : 0)))
  for (let row = 1; row < rows; row += 1) {
    for (let column = 1; column < columns; column += 1) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1
      let best = Math.min(distance[row - 1][column] + 1, distance[row][column - 1] + 1, distance[row - 1][column - 1] + cost)
      if (row > 1 && column > 1 && left[row - 1] === right[column - 2] && left[row - 2] === right[column - 1]) {
        best = Math.min(best, distance[row - 2][column - 2] + 1)
      }
      distance[row][column] = best
    }
  }
  return distance[rows - 1][columns - 1]
}
