import { GraphQLError, Kind, type ValidationRule } from 'graphql'

import { aliasCount, fragmentsOf, selectionDepth } from './queryShape'

/** The deepest query the public GraphQL API answers: enough for release -> files -> os. */
export const MAX_QUERY_DEPTH = 10
/** The most aliased fields one operation may ask for (aliases multiply the work of one query). */
export const MAX_QUERY_ALIASES = 20
/** Payload's own complexity budget (relationships cost 10, other fields 1). */
export const MAX_QUERY_COMPLEXITY = 1000

function limitRule(measure: 'depth' | 'aliases', limit: number): ValidationRule {
  return (context) => ({
    Document(document) {
      const fragments = fragmentsOf(document)
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue
        const value =
          measure === 'depth' ? selectionDepth(definition.selectionSet, fragments) : aliasCount(definition.selectionSet, fragments)
        if (value > limit) {
          const what = measure === 'depth' ? `is nested ${value} levels deep` : `uses ${value} aliases`
          const name = definition.name ? `Operation "${definition.name.value}"` : 'The query'
          context.reportError(
            new GraphQLError(`${name} ${what}; the limit is ${limit}. Ask for less, or split the query.`, { nodes: [definition] }),
          )
        }
      }
    },
  })
}

/**
 * The validation rules added to Payload's GraphQL (which already enforces `maxComplexity`):
 * a depth limit and an alias limit, each rejecting an abusive query before it runs, with a
 * message saying which limit it broke.
 */
export function queryLimitRules(): ValidationRule[] {
  return [limitRule('depth', MAX_QUERY_DEPTH), limitRule('aliases', MAX_QUERY_ALIASES)]
}
