import { z } from 'zod'

import { checked, httpUrlPattern, readEnvWhole, textOrNull, withDefault, type Environment } from '../../lib/env/envSchema'

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

/** A bucket's settings; path-style addressing is the default for an S3-compatible endpoint. */
const configured = z
  .object({
    S3_BUCKET: z.string(),
    S3_REGION: z.string(),
    S3_ENDPOINT: checked((raw) => httpUrlPattern.test(raw), (raw) => `S3_ENDPOINT must be an http(s) URL, got "${raw}".`).nullable(),
    S3_ACCESS_KEY_ID: z.string().nullable(),
    S3_SECRET_ACCESS_KEY: z.string().nullable(),
    S3_FORCE_PATH_STYLE: z.string().optional(),
  })
  .transform((vars): S3StorageEnv => ({
    bucket: vars.S3_BUCKET,
    region: vars.S3_REGION,
    endpoint: vars.S3_ENDPOINT,
    accessKeyId: vars.S3_ACCESS_KEY_ID,
    secretAccessKey: vars.S3_SECRET_ACCESS_KEY,
    forcePathStyle: ['1', 'true', 'yes'].includes((vars.S3_FORCE_PATH_STYLE ?? (vars.S3_ENDPOINT ? 'true' : 'false')).toLowerCase()),
  }))

/** No bucket reads as null whatever the other variables say; a key without its secret is refused before the endpoint is checked. */
const s3Schema = z
  .object({
    S3_BUCKET: textOrNull({ trim: true }),
    S3_REGION: withDefault('us-east-1', { trim: false }),
    S3_ENDPOINT: textOrNull({ trim: false }),
    S3_ACCESS_KEY_ID: textOrNull({ trim: false }),
    S3_SECRET_ACCESS_KEY: textOrNull({ trim: false }),
    S3_FORCE_PATH_STYLE: z.string().optional(),
  })
  .refine((vars) => vars.S3_BUCKET === null || (vars.S3_ACCESS_KEY_ID === null) === (vars.S3_SECRET_ACCESS_KEY === null), {
    error: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together.',
  })
  .transform((vars) => (vars.S3_BUCKET === null ? null : vars))
  .pipe(configured.nullable())

/**
 * Reads `S3_BUCKET`, `S3_REGION` (default `us-east-1`), `S3_ENDPOINT`, `S3_ACCESS_KEY_ID`,
 * `S3_SECRET_ACCESS_KEY` and `S3_FORCE_PATH_STYLE`. Without a bucket, artifacts stay on local
 * disk under the data directory. A key without its secret is a configuration error.
 */
export function parseS3StorageEnv(env: Environment): S3StorageEnv | null {
  return readEnvWhole(s3Schema, env)
}
