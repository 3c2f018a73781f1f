import type { PayloadRequest } from 'payload'

import { LegacyHttpError } from './LegacyHttpError'

export type ParsedBody =
  | { kind: 'json'; fields: Record<string, unknown> }
  | { kind: 'form'; fields: Record<string, unknown> }
  | { kind: 'invalid'; fields: null; message: string }

/**
 * Reads a request body once. JSON objects are what the API takes; a form body is read only so
 * credentials in it can be refused; anything else is remembered as invalid, to be answered with a
 * 400 after authentication (an anonymous caller learns nothing about the payload first).
 */
export async function readLegacyBody(req: PayloadRequest): Promise<ParsedBody> {
  const text = req.text ? await req.text() : ''
  const type = req.headers.get('content-type') ?? ''
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return { kind: 'form', fields: Object.fromEntries(new URLSearchParams(text)) }
  }
  try {
    const value: unknown = JSON.parse(text)
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return { kind: 'json', fields: value as Record<string, unknown> }
    return { kind: 'invalid', fields: null, message: 'The request body must be a JSON object.' }
  } catch {
    return { kind: 'invalid', fields: null, message: 'The request body is not valid JSON (send Content-Type: application/json).' }
  }
}

/** The JSON object of a parsed body, or the 400 it deserves. */
export function jsonFields(body: ParsedBody): Record<string, unknown> {
  if (body.kind === 'json') return body.fields
  if (body.kind === 'form') throw new LegacyHttpError(400, 'Send JSON (Content-Type: application/json), not a form.')
  throw new LegacyHttpError(400, body.message)
}
