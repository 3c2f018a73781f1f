/**
 * The file facts Payload keeps on every upload document that a caller's JSON may carry, and the
 * JSON type each must have. `filename`, `url` and `sizes` are not here: Payload drops them from a
 * caller's data before any hook (sanitizeUploadData), so they are ignored whatever they are.
 */
const TEXT_FIELDS = ['mimeType', 'thumbnailURL'] as const
const NUMBER_FIELDS = ['filesize', 'width', 'height', 'focalX', 'focalY'] as const

/**
 * What is wrong with an upload's file facts in a create or update, naming the field, or null.
 * Payload writes them itself (from the file), yet a JSON save may carry them too, as the admin's
 * own form does, and Payload reads some before any field validation: a `mimeType` that is not text
 * was a 500 (`mimeType.startsWith is not a function`, bad-input fuzz, a PATCH of a sponsor
 * contract), and a `filesize` of "12abc" was stored. Each must be text or a finite number (or
 * absent, or null).
 */
export function uploadMetadataProblem(data: Record<string, unknown>): { field: string; message: string } | null {
  for (const field of TEXT_FIELDS) {
    const value = data[field]
    if (value !== undefined && value !== null && typeof value !== 'string') return { field, message: `${field} must be text; it is set from the uploaded file.` }
  }
  for (const field of NUMBER_FIELDS) {
    const value = data[field]
    if (value !== undefined && value !== null && !(typeof value === 'number' && Number.isFinite(value))) return { field, message: `${field} must be a number; it is set from the uploaded file.` }
  }
  return null
}
