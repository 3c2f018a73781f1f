import { APIError, ValidationError, type PayloadRequest } from 'payload'

import { classifyDatabaseError } from '../../errors/classifyDatabaseError'
import { LegacyHttpError } from './LegacyHttpError'
import { apiNameOf, type LegacyResource } from './legacyResources'
import { legacyJson } from './legacyResponses'

type FieldErrors = Record<string, string[]>

/** A 400 naming the fields at fault, as tastypie reports a failed validation. */
export function legacyValidationError(resource: LegacyResource, fieldErrors: FieldErrors): LegacyHttpError {
  const names = Object.keys(fieldErrors)
  const message = `The ${resource.label} is invalid: ${names.map((name) => `${name}: ${fieldErrors[name].join(' ')}`).join('; ')}`
  return new LegacyHttpError(400, message, { [resource.resourceName]: fieldErrors })
}

function fromPayloadValidation(resource: LegacyResource, error: ValidationError): LegacyHttpError {
  const fieldErrors: FieldErrors = {}
  for (const { path, message } of error.data.errors) {
    const name = apiNameOf(resource, path)
    ;(fieldErrors[name] ??= []).push(message)
  }
  return legacyValidationError(resource, fieldErrors)
}

/**
 * Turns anything a legacy handler throws into its answer: the caller's mistakes become a 4xx
 * with a message; only a real fault is a 500, and it is logged.
 */
export function legacyErrorResponse(error: unknown, req: PayloadRequest, resource: LegacyResource | null): Response {
  let known: LegacyHttpError | null = null
  if (error instanceof LegacyHttpError) known = error
  else if (error instanceof ValidationError && resource) known = fromPayloadValidation(resource, error)
  else if (error instanceof APIError && error.status >= 400 && error.status < 500) known = new LegacyHttpError(error.status, error.message)
  else {
    // A value Postgres refuses (an id past its integer range) is the caller's mistake; a lost
    // database is an outage the tooling can retry.
    const database = classifyDatabaseError(error)
    if (database?.kind === 'bad-input') known = new LegacyHttpError(400, `The request holds ${database.reason}.`)
    if (database?.kind === 'conflict') known = new LegacyHttpError(409, 'The change conflicts with another object (a value that must be unique is taken, perhaps by a request made at the same time).')
    if (database?.kind === 'unavailable') known = new LegacyHttpError(503, 'The database is unavailable; try again in a moment.')
  }
  if (known) return legacyJson(known.body, known.status, known.headers)
  req.payload.logger.error({ err: error }, 'Legacy downloads API: unexpected error')
  return legacyJson({ error_message: 'The server could not complete this request.' }, 500)
}
