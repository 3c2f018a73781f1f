/**
 * python.org's ReleaseFile URL rules: every URL starts with the downloads prefix, and each
 * signature or SBOM sidecar is the file's own URL plus a fixed suffix.
 */
export const SIDECAR_SUFFIXES = {
  gpgSignatureFile: '.asc',
  sigstoreSignatureFile: '.sig',
  sigstoreCertFile: '.crt',
  sigstoreBundleFile: '.sigstore',
  sbomSpdx2File: '.spdx.json',
} as const

export type SidecarField = keyof typeof SIDECAR_SUFFIXES

export function validateFileUrl(value: unknown, prefix: string): true | string {
  if (typeof value !== 'string' || value === '') return 'A release file needs a URL.'
  if (/\s/.test(value)) return 'A URL may not contain spaces.'
  return value.startsWith(prefix) && value.length > prefix.length ? true : `The URL must start with ${prefix}.`
}

export function validateSidecarUrl(value: unknown, fileUrl: unknown, field: SidecarField): true | string {
  if (value == null || value === '') return true
  const expected = `${String(fileUrl ?? '')}${SIDECAR_SUFFIXES[field]}`
  return value === expected ? true : `This must be the file URL plus "${SIDECAR_SUFFIXES[field]}": ${expected}.`
}

export function validateSha256(value: unknown): true | string {
  if (value == null || value === '') return true
  return typeof value === 'string' && /^[0-9a-fA-F]{64}$/.test(value) ? true : 'A SHA-256 checksum is 64 hexadecimal characters.'
}

export function validateMd5(value: unknown): true | string {
  if (value == null || value === '') return true
  return typeof value === 'string' && /^[0-9a-fA-F]{32}$/.test(value) ? true : 'An MD5 checksum is 32 hexadecimal characters.'
}
