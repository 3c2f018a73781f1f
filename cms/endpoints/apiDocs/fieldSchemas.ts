import type { Field } from 'payload'

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it). */
export type JsonSchema = Record<string, unknown>

const ID: JsonSchema = { oneOf: [{ type: 'integer' }, { type: 'string' }] }

function relationSchema(relationTo: string | string[], hasMany: boolean): JsonSchema {
  const targets = Array.isArray(relationTo) ? relationTo : [relationTo]
  const one: JsonSchema = {
    description: `An id of ${targets.join(' or ')}, or the document itself when populated (depth > 0).`,
    oneOf: [ID, ...targets.map((target) => ({ $ref: `#/components/schemas/${schemaName(target)}` }))],
  }
  return hasMany ? { type: 'array', items: one } : one
}

/** `release-files` -> `ReleaseFiles`: a component name for a collection's document schema. */
export function schemaName(slug: string): string {
  return slug
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('')
}

function scalar(field: Field): JsonSchema | null {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      return field.type === 'text' && field.hasMany ? { type: 'array', items: { type: 'string' } } : { type: 'string' }
    case 'date':
      return { type: 'string', format: 'date-time' }
    case 'number':
      return field.hasMany ? { type: 'array', items: { type: 'number' } } : { type: 'number' }
    case 'checkbox':
      return { type: 'boolean' }
    case 'select':
    case 'radio': {
      const values = field.options.map((option) => (typeof option === 'string' ? option : option.value))
      const one = { type: 'string', enum: values }
      return field.type === 'select' && field.hasMany ? { type: 'array', items: one } : one
    }
    case 'point':
      return { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 }
    case 'json':
    case 'richText':
      return { description: field.type === 'richText' ? 'Lexical rich text (JSON).' : 'Any JSON.' }
    default:
      return null
  }
}

/**
 * The JSON Schema of a list of Payload fields: presentational containers (rows, collapsibles,
 * unnamed tabs) are flattened, groups and arrays nest, relations are an id or the populated
 * document. Required fields are listed as required.
 */
export function fieldsSchema(fields: Field[]): { properties: Record<string, JsonSchema>; required: string[] } {
  const properties: Record<string, JsonSchema> = {}
  const required: string[] = []
  for (const field of fields) {
    if (field.type === 'row' || field.type === 'collapsible') {
      const inner = fieldsSchema(field.fields)
      Object.assign(properties, inner.properties)
      required.push(...inner.required)
      continue
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        const inner = fieldsSchema(tab.fields)
        if ('name' in tab && tab.name) properties[tab.name] = { type: 'object', properties: inner.properties }
        else Object.assign(properties, inner.properties)
      }
      continue
    }
    if (field.type === 'ui' || !('name' in field) || !field.name) continue
    let schema: JsonSchema | null = scalar(field)
    if (field.type === 'relationship' || field.type === 'upload') schema = relationSchema(field.relationTo, Boolean(field.hasMany))
    if (field.type === 'join') {
      schema = {
        type: 'object',
        description: `The ${field.collection} documents whose "${field.on}" is this one.`,
        properties: { docs: { type: 'array', items: relationSchema(field.collection, false) }, hasNextPage: { type: 'boolean' }, totalDocs: { type: 'integer' } },
      }
    }
    if (field.type === 'group') schema = { type: 'object', ...fieldsSchema(field.fields) }
    if (field.type === 'array') schema = { type: 'array', items: { type: 'object', ...fieldsSchema(field.fields) } }
    if (field.type === 'blocks') schema = { type: 'array', items: { type: 'object', properties: { blockType: { type: 'string' } }, additionalProperties: true } }
    if (!schema) continue
    if (field.admin?.description && typeof field.admin.description === 'string') schema = { ...schema, description: field.admin.description }
    properties[field.name] = schema
    if ('required' in field && field.required) required.push(field.name)
  }
  return { properties, required }
}
