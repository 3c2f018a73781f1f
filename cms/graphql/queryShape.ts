import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql'

/** Named fragments of a document, so depth and alias counts see through `...Fragment`. */
export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  }
  return fragments
}

/**
 * The deepest nesting of fields under `selectionSet` (`{ Releases { docs { name } } }` is 3).
 * Introspection fields (`__schema`, `__type`) are not counted: tools send deep introspection
 * queries and they cost nothing per document. A fragment spread already being expanded counts 0
 * (GraphQL's own rules reject fragment cycles).
 */
export function selectionDepth(selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, expanding: Set<string> = new Set()): number {
  if (!selectionSet) return 0
  let deepest = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue
      deepest = Math.max(deepest, 1 + selectionDepth(selection.selectionSet, fragments, expanding))
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, selectionDepth(selection.selectionSet, fragments, expanding))
    } else {
      const name = selection.name.value
      const fragment = fragments.get(name)
      if (!fragment || expanding.has(name)) continue
      deepest = Math.max(deepest, selectionDepth(fragment.selectionSet, fragments, new Set([...expanding, name])))
    }
  }
  return deepest
}

/** How many aliased fields an operation asks for, fragments expanded. */
export function aliasCount(selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, expanding: Set<string> = new Set()): number {
  if (!selectionSet) return 0
  let count = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      count += (selection.alias ? 1 : 0) + aliasCount(selection.selectionSet, fragments, expanding)
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += aliasCount(selection.selectionSet, fragments, expanding)
    } else {
      const name = selection.name.value
      const fragment = fragments.get(name)
      if (!fragment || expanding.has(name)) continue
      count += aliasCount(fragment.selectionSet, fragments, new Set([...expanding, name]))
    }
  }
  return count
}
