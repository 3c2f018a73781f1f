import { parse, type OperationDefinitionNode } from 'graphql'
import { describe, expect, it } from 'vitest'

import { aliasCount, fragmentsOf, selectionDepth } from '../../../../cms/graphql/queryShape'

function measure(query: string) {
  const document = parse(query)
  const fragments = fragmentsOf(document)
  const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition') as OperationDefinitionNode
  return { depth: selectionDepth(operation.selectionSet, fragments), aliases: aliasCount(operation.selectionSet, fragments) }
}

describe('GraphQL query shape', () => {
  it('counts field nesting, ignoring introspection', () => {
    expect(measure('{ Releases { docs { name } } }')).toEqual({ depth: 3, aliases: 0 })
    expect(measure('{ __schema { types { fields { type { ofType { name } } } } } Releases { totalDocs } }')).toEqual({ depth: 2, aliases: 0 })
  })

  it('sees through named and inline fragments', () => {
    const query = 'query Q { a: Releases { docs { ...F } } } fragment F on Release { b: name files { docs { ... on ReleaseFile { c: name } } } }'
    expect(measure(query)).toEqual({ depth: 5, aliases: 3 })
  })

  it('does not loop on a fragment that spreads itself', () => {
    const query = '{ Releases { docs { ...F } } } fragment F on Release { name ...F }'
    expect(measure(query)).toEqual({ depth: 3, aliases: 0 })
  })
})

describe('GraphQL query shape of fragment fan-outs', () => {
  it('measures each fragment once, so 40 fragments that each spread the next twice cost no time', () => {
    const count = 40
    const fragments = Array.from({ length: count }, (_unused, index) =>
      index === count - 1 ? `fragment F${index} on Release { a: name }` : `fragment F${index} on Release { ...F${index + 1} ...F${index + 1} }`,
    )
    const started = performance.now()
    const shape = measure(`{ Releases { docs { ...F0 } } } ${fragments.join(' ')}`)
    expect(performance.now() - started).toBeLessThan(100)
    // Every spread still counts: the alias limit sees the 2^39 aliases the query would expand to.
    expect(shape).toEqual({ depth: 3, aliases: 2 ** 39 })
  })
})
