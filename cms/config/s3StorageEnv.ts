/** S3-compatible storage for uploaded release artifacts, when `S3_BUCKET` is set. */
export type S3StorageEnv = {
  bucket: string
  region: string
  /** An S3-compatible endpoint (MinIO, Ceph, R2, ...); unset for AWS. */
  endpoint: string | null
  accessKeyId: string | null
  secretAccessKey: string | null
  forcePathStyle: boolean
}

type Environment = Readonly<Record<string, string | undefined>>

/**
 * Reads `S3_BUCKET`, `S3_REGION` (default `us-east-1`), `S3_ENDPOINT`, `S3_ACCESS_KEY_ID`,
 * `S3_SECRET_ACCESS_KEY` and `S3_FORCE_PATH_STYLE`. Without a bucket, artifacts stay on local
 * disk under the data directory. A key without its secret is a configuration error.
 */
export function parseS3StorageEnv(env: Environment): S3StorageEnv | null {
  const bucket = env.S3_BUCKET?.trim()
  if (!bucket) return null
  const accessKeyId = env.S3_ACCESS_KEY_ID || null
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY || null
  if ((accessKeyId === null) !== (secretAccessKey === null)) throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together.')
  const endpoint = env.S3_ENDPOINT || null
  if (endpoint !== null && !/^https?:\/\/\S+$/.test(endpoint)) throw new Error(`S3_ENDPOINT must be an http(s) URL, got "${endpoint}".`)
  return {
    bucket,
    region: env.S3_REGION || 'us-east-1',
    endpoint,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: ['1', 'true', 'yes'].includes((env.S3_FORCE_PATH_STYLE ?? (endpoint ? 'true' : 'false')).toLowerCase()),
  }
}
