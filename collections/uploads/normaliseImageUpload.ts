import type { CollectionBeforeOperationHook } from 'payload'
import sharp from 'sharp'

import { safeUploadFilename } from './safeUploadFilename'

/** sharp's format names -> the extension an image of that format is stored under. */
const EXTENSIONS: Record<string, string> = { jpeg: 'jpg', png: 'png', gif: 'gif', webp: 'webp', heif: 'avif', avif: 'avif' }

type UploadedFile = { name: string; data?: Buffer; tempFilePath?: string }

/**
 * Before Payload stores an uploaded image: its name made safe and ending in the extension of what
 * the bytes are (read by sharp, not taken from the client). Bytes sharp cannot read keep their
 * name: Payload's own type check refuses them with its message.
 */
export const normaliseImageUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const file = req.file as UploadedFile | undefined
  if ((operation !== 'create' && operation !== 'update') || !file) return args
  let format: string | undefined
  try {
    // Payload leaves tempFilePath '' when the bytes are in memory.
    format = (await sharp(file.tempFilePath || file.data).metadata()).format
  } catch {
    format = undefined
  }
  const extension = format === undefined ? undefined : EXTENSIONS[format]
  file.name = safeUploadFilename(file.name, extension)
  return args
}
