import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

import { APIError, type CollectionBeforeChangeHook } from 'payload'

type UploadedFile = { data?: Buffer; tempFilePath?: string; size: number; truncated?: boolean }

async function digestsOf(file: UploadedFile): Promise<{ sha256: string; md5: string; size: number }> {
  const sha256 = createHash('sha256')
  const md5 = createHash('md5')
  let size = 0
  const feed = (chunk: Buffer) => {
    sha256.update(chunk)
    md5.update(chunk)
    size += chunk.length
  }
  if (file.data && file.data.length > 0) feed(file.data)
  else if (file.tempFilePath) for await (const chunk of createReadStream(file.tempFilePath)) feed(chunk as Buffer)
  return { sha256: sha256.digest('hex'), md5: md5.digest('hex'), size }
}

/**
 * The server, not the client, says what an uploaded artifact is: its SHA-256, MD5 and size are
 * computed from the bytes received. Anything over `maxBytes` (UPLOAD_MAX_BYTES) is refused with
 * a 413, whichever way it arrived (HTTP, Local API, admin).
 */
export function computeArtifactDigests(maxBytes: number): CollectionBeforeChangeHook {
  return async ({ data, originalDoc, req }) => {
    const file = req.file as UploadedFile | undefined
    // Without new bytes the digests stay those of the stored file, whatever the client sends.
    if (!file) return { ...data, sha256Sum: originalDoc?.sha256Sum ?? null, md5Sum: originalDoc?.md5Sum ?? null }
    if (file.truncated || file.size > maxBytes) {
      throw new APIError(`The file is larger than the ${maxBytes} bytes allowed (UPLOAD_MAX_BYTES).`, 413, undefined, true)
    }
    const { sha256, md5, size } = await digestsOf(file)
    if (size > maxBytes) throw new APIError(`The file is larger than the ${maxBytes} bytes allowed (UPLOAD_MAX_BYTES).`, 413, undefined, true)
    return { ...data, sha256Sum: sha256, md5Sum: md5, filesize: size }
  }
}
