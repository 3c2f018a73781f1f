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
