import { describe, expect, it } from 'vitest'

import { allowedTypos, typoDistance } from '../../../../cms/search/postgres/typoTolerance'

describe('typo tolerance (Meilisearch defaults)', () => {
  it.each([
    ['pyhton', 'python', 1],
    ['relase', 'release', 1],
    ['python', 'python', 0],
    ['ptyhon', 'python', 1],
    ['pyhtno', 'python', 2],
    ['downlaod', 'download', 1],
    ['café', 'cafe', 1],
    ['', 'abc', 3],
  ])('counts %s -> %s as %i typos (a swap of neighbours is one)', (from, to, typos) => {
    expect(typoDistance(from, to)).toBe(typos)
    expect(typoDistance(to, from)).toBe(typos)
  })

  it.each([
    ['py', 0],
    ['pyth', 0],
    ['pyhton', 1],
    ['releases', 1],
    ['multiprocessing', 2],
    ['documentation', 2],
  ])('allows %s %i typos', (word, typos) => {
    expect(allowedTypos(word)).toBe(typos)
  })
})
