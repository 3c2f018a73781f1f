/** python.org's Release.version: which product line a release belongs to. */
export const RELEASE_VERSIONS = [
  { label: 'Python 3.x.x', value: 3 },
  { label: 'Python 2.x.x', value: 2 },
  { label: 'Python 1.x.x', value: 1 },
  { label: 'Python install manager', value: 100 },
] as const

export function validateReleaseVersion(value: unknown): true | string {
  return RELEASE_VERSIONS.some((version) => version.value === value)
    ? true
    : 'The version is 1, 2, 3, or 100 for the Python install manager.'
}
