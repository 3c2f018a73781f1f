import { configToSchema } from '@payloadcms/graphql'
import type { GraphQLField, GraphQLInputType, GraphQLSchema } from 'graphql'
import { formatNames, toWords, type SanitizedCollectionConfig, type SanitizedConfig, type SanitizedGlobalConfig } from 'payload'

/** The mutations Payload generates for one collection, by what they do; absent ones are undefined. */
export type CollectionMutations = {
  create?: string
  update?: string
  delete?: string
  duplicate?: string
  restoreVersion?: string
  unlock?: string
}

/** Payload's schema for a config, as its GraphQL route builds it (no database needed). */
export function graphqlSchemaOf(config: SanitizedConfig): GraphQLSchema {
  return configToSchema(config).schema
}

/** The singular name Payload gives a collection's types and mutations (`createPage`, `updateReleaseFile`). */
function singularNameOf(collection: SanitizedCollectionConfig): string {
  const configured = collection.graphQL === false ? undefined : collection.graphQL?.singularName
  return configured ? toWords(configured, true) : formatNames(collection.slug).singular
}

export function collectionMutations(schema: GraphQLSchema, collection: SanitizedCollectionConfig): CollectionMutations {
  const fields = schema.getMutationType()?.getFields() ?? {}
  const name = singularNameOf(collection)
  const pick = (candidate: string) => (candidate in fields ? candidate : undefined)
  return {
    create: pick(`create${name}`),
    update: pick(`update${name}`),
    delete: pick(`delete${name}`),
    duplicate: pick(`duplicate${name}`),
    restoreVersion: pick(`restoreVersion${name.charAt(0).toUpperCase()}${name.slice(1)}`),
    unlock: pick(`unlock${name}`),
  }
}

/** `updatePayloadJobsStat` for the global `payload-jobs-stats`. */
export function globalUpdateMutation(schema: GraphQLSchema, global: SanitizedGlobalConfig): string | undefined {
  const fields = schema.getMutationType()?.getFields() ?? {}
  const configured = global.graphQL === false ? undefined : global.graphQL?.name
  const name = configured ?? toWords(global.slug, true)
  const candidate = `update${name}`
  return candidate in fields ? candidate : undefined
}

function mutationField(schema: GraphQLSchema, mutation: string): GraphQLField<unknown, unknown> {
  const field = schema.getMutationType()?.getFields()[mutation]
  if (!field) throw new Error(`The schema has no mutation ${mutation}`)
  return field
}

/** The declared type of one argument (`mutationPageInput!`), for a query's variable list. */
export function argumentType(schema: GraphQLSchema, mutation: string, argument: string): string {
  const arg = mutationField(schema, mutation).args.find((candidate) => candidate.name === argument)
  if (!arg) throw new Error(`${mutation} takes no argument ${argument}`)
  return arg.type.toString()
}

/**
 * An input type read by its shape rather than with graphql's `isListType` and friends: the schema
 * comes from Payload's copy of the graphql package, which `instanceof` checks against this
 * file's copy would not recognise.
 */
type InputTypeShape = {
  toString(): string
  ofType?: InputTypeShape
  getValues?: () => readonly { name: string; value: unknown }[]
  getFields?: () => Record<string, { type: InputTypeShape }>
}

function nullable(type: InputTypeShape): InputTypeShape {
  return type.toString().endsWith('!') && type.ofType ? type.ofType : type
}

/**
 * A Local API value as GraphQL takes it for `type`: enum values by their GraphQL names
 * (`release-manager` is `release_manager`), fields the input type does not have dropped.
 */
export function toGraphqlInput(type: GraphQLInputType, value: unknown): unknown {
  return convert(type as unknown as InputTypeShape, value)
}

function convert(type: InputTypeShape, value: unknown): unknown {
  if (value === null || value === undefined) return value
  const inner = nullable(type)
  if (inner.toString().startsWith('[') && inner.ofType) {
    const item = inner.ofType
    return (Array.isArray(value) ? value : [value]).map((entry) => convert(item, entry))
  }
  if (inner.getValues) return inner.getValues().find((candidate) => candidate.value === value)?.name ?? value
  if (inner.getFields && typeof value === 'object' && !Array.isArray(value)) {
    const fields = inner.getFields()
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => key in fields)
        .map(([key, entry]) => [key, convert(fields[key].type, entry)]),
    )
  }
  return value
}

/** The `data` argument's input type of a mutation. */
export function dataInputType(schema: GraphQLSchema, mutation: string): GraphQLInputType {
  const arg = mutationField(schema, mutation).args.find((candidate) => candidate.name === 'data')
  if (!arg) throw new Error(`${mutation} takes no data`)
  return arg.type
}
