import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql'

/** Named fragments of a document, so depth and alias counts see through `...Fragment`. */
export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  }
  return fragments
}

/** A fragment's measure, computed once per query: spreads are summed or maxed, never re-walked. */
type FragmentMemo = Map<string, number>

/**
 * The deepest nesting of fields under `selectionSet` (`{ Releases { docs { name } } }` is 3).
 * Introspection fields (`__schema`, `__type`) are not counted: tools send deep introspection
 * queries and they cost nothing per document. A fragment spread already being expanded counts 0
 * (GraphQL's own rules reject fragment cycles). Each fragment is measured once: walking spreads
 * afresh made `fragment F0 { ...F1 ...F1 } fragment F1 { ...F2 ...F2 } ...` cost 2^n, and 28
 * such fragments held the CMS's event loop for minutes.
 */
export function selectionDepth(selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>): number {
  return measureDepth(selectionSet, fragments, new Set(), new Map())
}

function measureDepth(selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, expanding: Set<string>, memo: FragmentMemo): number {
  if (!selectionSet) return 0
  let deepest = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue
      deepest = Math.max(deepest, 1 + measureDepth(selection.selectionSet, fragments, expanding, memo))
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, measureDepth(selection.selectionSet, fragments, expanding, memo))
    } else {
      deepest = Math.max(deepest, measureFragment(selection.name.value, fragments, expanding, memo, measureDepth))
    }
  }
  return deepest
}

/** How many aliased fields an operation asks for, fragments expanded (each spread counts). */
export function aliasCount(selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>): number {
  return countAliases(selectionSet, fragments, new Set(), new Map())
}

function countAliases(selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, expanding: Set<string>, memo: FragmentMemo): number {
  if (!selectionSet) return 0
  let count = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      count += (selection.alias ? 1 : 0) + countAliases(selection.selectionSet, fragments, expanding, memo)
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countAliases(selection.selectionSet, fragments, expanding, memo)
    } else {
      count += measureFragment(selection.name.value, fragments, expanding, memo, countAliases)
    }
  }
  return count
}

type Measure = (selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, expanding: Set<string>, memo: FragmentMemo) => number

function measureFragment(name: string, fragments: Map<string, FragmentDefinitionNode>, expanding: Set<string>, memo: FragmentMemo, measure: Measure): number {
  const known = memo.get(name)
  if (known !== undefined) return known
  const fragment = fragments.get(name)
  if (!fragment || expanding.has(name)) return 0
  expanding.add(name)
  const value = measure(fragment.selectionSet, fragments, expanding, memo)
  expanding.delete(name)
  memo.set(name, value)
  return value
}
