import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

import type { S3StorageEnv } from './s3StorageEnv'

/**
 * Payload's S3 storage for release artifacts: enabled only when S3 is configured (otherwise they
 * stay on local disk), but always present so the schema and the admin's import map do not
 * depend on the environment.
 */
export function artifactStoragePlugin(s3: S3StorageEnv | null): Plugin {
  return s3Storage({
    enabled: s3 !== null,
    alwaysInsertFields: true,
    collections: { 'release-artifacts': true },
    bucket: s3?.bucket ?? 'unconfigured',
    config: {
      region: s3?.region ?? 'us-east-1',
      ...(s3?.endpoint ? { endpoint: s3.endpoint } : {}),
      forcePathStyle: s3?.forcePathStyle ?? false,
      ...(s3?.accessKeyId && s3.secretAccessKey ? { credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } } : {}),
    },
  })
}
