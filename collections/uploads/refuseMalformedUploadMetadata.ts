import { ValidationError, type CollectionBeforeOperationHook } from 'payload'

/**
 * The file facts Payload keeps on every upload document that a caller's JSON may carry, and the
 * JSON type each must have. `filename`, `url` and `sizes` are not here: Payload drops them from a
 * caller's data before any hook (sanitizeUploadData), so they are ignored whatever they are.
 */
const TEXT_FIELDS = ['mimeType', 'thumbnailURL'] as const
const NUMBER_FIELDS = ['filesize', 'width', 'height', 'focalX', 'focalY'] as const

/**
 * Payload writes an upload's file facts itself (from the file), yet a JSON create or update may
 * carry them too, as the admin's own form does. Payload reads some before any field validation:
 * a `mimeType` that is not text was a 500 (`mimeType.startsWith is not a function`, bad-input fuzz,
 * a PATCH of a sponsor contract), and a `filesize` of "12abc" was stored. Each must be text or a
 * finite number (or absent, or null) or the save is a 400 naming the field, before anything runs.
 * For every upload collection, beside its own beforeOperation hooks.
 */
export function refuseMalformedUploadMetadata(collection: string): CollectionBeforeOperationHook {
  return ({ args, operation }) => {
    if (operation !== 'create' && operation !== 'update') return args
    const data: unknown = (args as { data?: unknown }).data
    if (data === null || typeof data !== 'object') return args
    const given = data as Record<string, unknown>
    const errors: { path: string; message: string }[] = []
    for (const field of TEXT_FIELDS) {
      const value = given[field]
      if (value !== undefined && value !== null && typeof value !== 'string') errors.push({ path: field, message: `${field} must be text; it is set from the uploaded file.` })
    }
    for (const field of NUMBER_FIELDS) {
      const value = given[field]
      if (value !== undefined && value !== null && !(typeof value === 'number' && Number.isFinite(value))) errors.push({ path: field, message: `${field} must be a number; it is set from the uploaded file.` })
    }
    if (errors.length > 0) throw new ValidationError({ collection, errors })
    return args
  }
}
