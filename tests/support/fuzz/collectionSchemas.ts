/**
 * The collections and their fields, read from the running CMS's OpenAPI document, so the fuzz
 * covers every collection the API serves (a new one is fuzzed without touching the tests).
 */
export type FieldKind = 'text' | 'number' | 'boolean' | 'date' | 'enum' | 'relation' | 'richText' | 'array' | 'group'

export type FieldSchema = { name: string; kind: FieldKind; required: boolean; values?: string[] }

export type CollectionSchema = { slug: string; fields: FieldSchema[] }

type JsonSchema = {
  type?: string | string[]
  format?: string
  enum?: string[]
  oneOf?: JsonSchema[]
  description?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
}

/** Fields the server fills in, whatever a client sends. */
const SERVER_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy'])

function kindOf(schema: JsonSchema): FieldKind | null {
  if (schema.oneOf) return 'relation'
  if (schema.enum) return 'enum'
  if (schema.type === 'string') return schema.format === 'date-time' ? 'date' : 'text'
  if (schema.type === 'number' || schema.type === 'integer') return 'number'
  if (schema.type === 'boolean') return 'boolean'
  if (schema.type === 'array') return 'array'
  // A join field ({ docs, hasNextPage }) is computed, not written.
  if (schema.type === 'object') return schema.properties?.docs ? null : 'group'
  if (schema.description?.startsWith('Lexical rich text')) return 'richText'
  return null
}

function pascalCase(slug: string): string {
  return slug.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase())
}

export async function readCollectionSchemas(cmsUrl: string): Promise<CollectionSchema[]> {
  const response = await fetch(`${cmsUrl}/api/openapi.json`)
  if (!response.ok) throw new Error(`GET /api/openapi.json answered ${response.status}`)
  const document = (await response.json()) as { paths: Record<string, unknown>; components: { schemas: Record<string, JsonSchema> } }
  const slugs = Object.keys(document.paths)
    .map((path) => /^\/api\/([a-z-]+)\/\{id\}$/.exec(path)?.[1])
    .filter((slug): slug is string => slug !== undefined)
  return slugs.flatMap((slug) => {
    const schema = document.components.schemas[pascalCase(slug)]
    if (!schema?.properties) return []
    const required = new Set(schema.required ?? [])
    const fields = Object.entries(schema.properties).flatMap(([name, property]): FieldSchema[] => {
      const kind = SERVER_FIELDS.has(name) ? null : kindOf(property)
      return kind === null ? [] : [{ name, kind, required: required.has(name), values: property.enum }]
    })
    return [{ slug, fields }]
  })
}
