import { describe, expect, it } from 'vitest'

import { parseS3StorageEnv } from '../../../../cms/config/s3StorageEnv'

describe('S3 storage settings', () => {
  it('keeps artifacts on local disk without a bucket', () => {
    expect(parseS3StorageEnv({})).toBeNull()
    expect(parseS3StorageEnv({ S3_BUCKET: ' ' })).toBeNull()
  })

  it('reads an S3-compatible server, path-style by default', () => {
    expect(parseS3StorageEnv({ S3_BUCKET: 'artifacts', S3_ENDPOINT: 'http://minio:9000', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' })).toEqual({
      bucket: 'artifacts',
      region: 'us-east-1',
      endpoint: 'http://minio:9000',
      accessKeyId: 'k',
      secretAccessKey: 's',
      forcePathStyle: true,
    })
    expect(parseS3StorageEnv({ S3_BUCKET: 'b', S3_REGION: 'eu-west-1' })).toMatchObject({ region: 'eu-west-1', endpoint: null, forcePathStyle: false })
  })

  it('fails fast on half-given credentials or a bad endpoint', () => {
    expect(() => parseS3StorageEnv({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k' })).toThrow('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together.')
    expect(() => parseS3StorageEnv({ S3_BUCKET: 'b', S3_ENDPOINT: 'minio:9000' })).toThrow('S3_ENDPOINT must be an http(s) URL')
  })

  it('checks nothing else without a bucket, and names half-given credentials before a bad endpoint', () => {
    expect(parseS3StorageEnv({ S3_ENDPOINT: 'minio:9000', S3_ACCESS_KEY_ID: 'k' })).toBeNull()
    expect(() => parseS3StorageEnv({ S3_BUCKET: 'b', S3_SECRET_ACCESS_KEY: 's', S3_ENDPOINT: 'minio:9000' })).toThrow('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together.')
    expect(() => parseS3StorageEnv({ S3_BUCKET: 'b', S3_ENDPOINT: 'minio:9000' })).toThrow(/^S3_ENDPOINT must be an http\(s\) URL, got "minio:9000"\.$/)
  })

  it('reads empty as unset, trims only the bucket, and takes S3_FORCE_PATH_STYLE as given', () => {
    expect(parseS3StorageEnv({ S3_BUCKET: ' b ', S3_REGION: '', S3_ENDPOINT: '', S3_ACCESS_KEY_ID: '', S3_SECRET_ACCESS_KEY: '' })).toEqual({
      bucket: 'b',
      region: 'us-east-1',
      endpoint: null,
      accessKeyId: null,
      secretAccessKey: null,
      forcePathStyle: false,
    })
    expect(parseS3StorageEnv({ S3_BUCKET: 'b', S3_FORCE_PATH_STYLE: 'YES' })?.forcePathStyle).toBe(true)
    expect(parseS3StorageEnv({ S3_BUCKET: 'b', S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: '' })?.forcePathStyle).toBe(false)
    expect(parseS3StorageEnv({ S3_BUCKET: 'b', S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: 'false' })?.forcePathStyle).toBe(false)
  })
})
