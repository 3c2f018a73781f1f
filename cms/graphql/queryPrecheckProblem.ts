import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql'

import { fragmentsOf } from './queryShape'

/** More field selections than any real query makes once its fragments are written out. */
export const MAX_EXPANDED_SELECTIONS = 5000
/** A generous bound on a query's size in tokens (the README's largest examples use ~60). */
export const MAX_QUERY_TOKENS = 20_000

/** The fragment names each fragment spreads, directly or inside inline fragments and fields. */
function spreadsOf(selectionSet: SelectionSetNode): string[] {
  const names: string[] = []
  const pending: SelectionSetNode[] = [selectionSet]
  while (pending.length > 0) {
    for (const selection of (pending.pop() as SelectionSetNode).selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) names.push(selection.name.value)
      else if (selection.selectionSet) pending.push(selection.selectionSet)
    }
  }
  return names
}

/** A fragment that spreads itself, directly or through others, or null (iterative DFS). */
function fragmentInCycle(fragments: Map<string, FragmentDefinitionNode>): string | null {
  const state = new Map<string, 'open' | 'done'>()
  for (const start of fragments.keys()) {
    if (state.has(start)) continue
    const stack: { name: string; next: string[] }[] = [{ name: start, next: spreadsOf((fragments.get(start) as FragmentDefinitionNode).selectionSet) }]
    state.set(start, 'open')
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { name: string; next: string[] }
      const child = top.next.pop()
      if (child === undefined) {
        state.set(top.name, 'done')
        stack.pop()
        continue
      }
      const fragment = fragments.get(child)
      if (!fragment || state.get(child) === 'done') continue
      if (state.get(child) === 'open') return child
      state.set(child, 'open')
      stack.push({ name: child, next: spreadsOf(fragment.selectionSet) })
    }
  }
  return null
}

/** Field selections once fragments are inlined, each fragment counted once and then reused. */
function expandedSelections(selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, memo: Map<string, number>): number {
  if (!selectionSet) return 0
  let count = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count += 1 + expandedSelections(selection.selectionSet, fragments, memo)
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += expandedSelections(selection.selectionSet, fragments, memo)
    else {
      const name = selection.name.value
      if (!memo.has(name)) memo.set(name, expandedSelections(fragments.get(name)?.selectionSet, fragments, memo))
      count += memo.get(name) as number
    }
    // Past the limit the exact figure does not matter; stop before it reaches Infinity.
    if (count > MAX_EXPANDED_SELECTIONS) return count
  }
  return count
}

/**
 * What makes a GraphQL query unfit to hand to Payload, or null. A subscription: Payload has
 * none, and graphql-http answered one with a bare 500. A query too costly to even validate:
 * Payload's complexity rule
 * walks every fragment spread afresh, so fragments that each spread the next twice cost 2^n
 * (28 of them held the CMS's only thread for minutes) and a fragment cycle recursed until the
 * stack overflowed (a 500). Checked before Payload sees the query; syntax errors are left to
 * Payload, which reports them as GraphQL does.
 */
export function queryPrecheckProblem(query: unknown): string | null {
  if (typeof query !== 'string') return null
  let document: DocumentNode
  try {
    document = parse(query, { maxTokens: MAX_QUERY_TOKENS })
  } catch (error) {
    const message = error instanceof Error ? error.message : ''
    return /more that[n]? \d+ tokens/i.test(message) ? `The query has more than ${MAX_QUERY_TOKENS} tokens. Ask for less, or split the query.` : null
  }
  if (document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'subscription')) {
    return 'This GraphQL API has no subscriptions: send a query or a mutation.'
  }
  const fragments = fragmentsOf(document)
  const cycle = fragmentInCycle(fragments)
  if (cycle !== null) return `Fragment "${cycle}" spreads itself (directly or through other fragments); fragments must not form a cycle.`
  const memo = new Map<string, number>()
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue
    const selections = expandedSelections(definition.selectionSet, fragments, memo)
    if (selections > MAX_EXPANDED_SELECTIONS) {
      return `The query asks for more than ${MAX_EXPANDED_SELECTIONS} fields once its fragments are written out. Ask for less, or split the query.`
    }
  }
  return null
}
