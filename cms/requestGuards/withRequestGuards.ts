import { APIError, type CollectionBeforeOperationHook, type CollectionConfig } from 'payload'

import { documentDataProblem } from './documentDataProblem'
import { fieldTypesOf } from './fieldTypesOf'
import { nullContainerProblem } from './nullContainerProblem'
import { richTextProblem } from './richTextProblem'
import { uploadMetadataProblem } from './uploadMetadataProblem'
import { whereQueryProblem, type FieldTypes } from './whereQueryProblem'

/** Ids are serial integers; Payload reads `/api/pages/12abc` (or `12'`, `12;3`) as page 12. */
const DOCUMENT_ID = /^[1-9][0-9]{0,9}$/

function refuse(message: string, field: string): never {
  // With `data`, Payload's error formatter keeps the message (see cms/errors/answerRequestErrors).
  throw new APIError(message, 400, { field }, true)
}

/** Checks a REST, GraphQL or Local API operation's input before Payload walks it. */
function guardOperationInput(collection: CollectionConfig, fieldTypes: FieldTypes): CollectionBeforeOperationHook {
  const richTextFields = [...fieldTypes].filter(([, type]) => type === 'richText').map(([name]) => name)
  return ({ args, operation, req }) => {
    // The id as the URL spelled it: Payload has already turned it into a number with parseFloat,
    // so a DELETE of `/api/pages/12abc` deleted page 12.
    const rawId = req.routeParams?.id
    if (typeof rawId === 'string' && !DOCUMENT_ID.test(rawId)) refuse(`"${rawId.slice(0, 40)}" is not a document id: ids are whole numbers like 42.`, 'id')
    const input = args as { data?: unknown; where?: unknown }
    if (operation === 'create' || operation === 'update') {
      const problem = documentDataProblem(input.data)
      if (problem) refuse(problem, 'data')
      const data = input.data as Record<string, unknown>
      for (const name of richTextFields) {
        const richText = richTextProblem(name, data[name])
        if (richText) refuse(richText, name)
      }
      const nullContainer = nullContainerProblem(collection.fields, data)
      if (nullContainer) refuse(nullContainer, 'data')
      const uploadMetadata = collection.upload ? uploadMetadataProblem(data) : null
      if (uploadMetadata) refuse(uploadMetadata.message, uploadMetadata.field)
    }
    const whereProblem = whereQueryProblem(input.where, fieldTypes)
    if (whereProblem) refuse(whereProblem, 'where')
    return args
  }
}

/**
 * Adds the input guards to a collection, first among its beforeOperation hooks: bad input is a
 * 400 that names the problem, before any other hook or Payload itself sees it.
 */
export function withRequestGuards(collection: CollectionConfig): CollectionConfig {
  return {
    ...collection,
    hooks: { ...collection.hooks, beforeOperation: [guardOperationInput(collection, fieldTypesOf(collection)), ...(collection.hooks?.beforeOperation ?? [])] },
  }
}
