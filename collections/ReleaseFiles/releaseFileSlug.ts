/**
 * Release file slugs, derived exactly as python.org's release tooling derives them
 * (python/release-tools `add_to_pydotorg.py`: `slug_for(release) + "-" + make_slug(name)[:40]`),
 * so a file created here and a file posted by the tooling get the same slug.
 */

export interface ParsedReleaseName {
  major: number
  minor: number
  /** null for two-part names such as `Python 3.0`, which python.org has for old releases. */
  micro: number | null
  /** The pre-release suffix, e.g. `rc2`, `b1`, `a7`; null for a final release. */
  preRelease: string | null
}

/**
 * `Python X.Y[.Z][suffix]`, the shape python.org's tooling looks releases up by. The suffix set
 * (`a`, `b`, `rc`) is the release tooling's `tag_cre`.
 */
const RELEASE_NAME = /^Python (\d+)\.(\d+)(?:\.(\d+))?((?:a|b|rc)\d+)?$/

/** The longest file-name part the tooling keeps (`make_slug(file_desc)[:40]`). */
const MAX_FILE_NAME_SLUG_LENGTH = 40

interface ReleaseNameParts {
  /** The dotted version as written, without the suffix: `3.14.0`, `3.0`. */
  baseVersion: string
  parsed: ParsedReleaseName
}

function matchReleaseName(releaseName: string): ReleaseNameParts {
  const match = RELEASE_NAME.exec(releaseName)
  if (!match) {
    throw new Error(
      `Release name "${releaseName}" does not look like "Python X.Y[.Z][suffix]" (e.g. "Python 3.14.7" or "Python 3.14.0rc2").`,
    )
  }
  const [, major, minor, micro, preRelease] = match
  return {
    baseVersion: micro === undefined ? `${major}.${minor}` : `${major}.${minor}.${micro}`,
    parsed: {
      major: Number(major),
      minor: Number(minor),
      micro: micro === undefined ? null : Number(micro),
      preRelease: preRelease ?? null,
    },
  }
}

/** Splits `Python 3.14.0rc2` into `{ major: 3, minor: 14, micro: 0, preRelease: 'rc2' }`. */
export function parseReleaseName(releaseName: string): ParsedReleaseName {
  return matchReleaseName(releaseName).parsed
}

/**
 * The tooling's `slug_for(release)`: the base version without dots, then `-<suffix>` for a
 * pre-release. `Python 3.14.0rc2` -> `3140-rc2`, `Python 3.12.15` -> `31215`.
 */
function releaseSlugPart(releaseName: string): string {
  const { baseVersion, parsed } = matchReleaseName(releaseName)
  const digits = baseVersion.replaceAll('.', '')
  return parsed.preRelease === null ? digits : `${digits}-${parsed.preRelease}`
}

/**
 * The tooling's `make_slug(name)[:40]`: spaces become dashes, everything outside
 * `[A-Za-z0-9_-]` is dropped, then the result is cut to 40 characters.
 */
function fileNameSlugPart(fileName: string): string {
  return fileName
    .replaceAll(' ', '-')
    .replace(/[^A-Za-z0-9_-]/g, '')
    .slice(0, MAX_FILE_NAME_SLUG_LENGTH)
}

/**
 * `releaseFileSlug('Python 3.14.7', 'XZ compressed source tarball')` ->
 * `3147-XZ-compressed-source-tarball`.
 */
export function releaseFileSlug(releaseName: string, fileName: string): string {
  return `${releaseSlugPart(releaseName)}-${fileNameSlugPart(fileName)}`
}
