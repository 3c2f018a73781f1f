/**
 * A TypeScript port of python.org's release tooling client (python/release-tools
 * `add_to_pydotorg.py`): the same HTTP calls, in the same order, with the same headers, the same
 * hand-built query strings and the same success checks. Only its base URL differs.
 */

export type ToolingFile = { filename: string; sha256: string; size: number; sidecars: string[] }

type Description = { pattern: RegExp; name: string; os: string; button: boolean; description: string }

/** `get_file_descriptions`: the first matching rule wins. */
const DESCRIPTIONS: Description[] = [
  { pattern: /\.tgz$/, name: 'Gzipped source tarball', os: 'source', button: false, description: '' },
  { pattern: /\.tar\.xz$/, name: 'XZ compressed source tarball', os: 'source', button: true, description: '' },
  { pattern: /-embed-amd64\.zip$/, name: 'Windows embeddable package (64-bit)', os: 'windows', button: false, description: '' },
  { pattern: /-embed-arm64\.zip$/, name: 'Windows embeddable package (ARM64)', os: 'windows', button: false, description: '' },
  { pattern: /-arm64\.exe$/, name: 'Windows installer (ARM64)', os: 'windows', button: false, description: 'Experimental' },
  { pattern: /-amd64\.exe$/, name: 'Windows installer (64-bit)', os: 'windows', button: true, description: 'Recommended' },
  { pattern: /-embed-win32\.zip$/, name: 'Windows embeddable package (32-bit)', os: 'windows', button: false, description: '' },
  { pattern: /\.exe$/, name: 'Windows installer (32-bit)', os: 'windows', button: false, description: '' },
  { pattern: /-macosx?1\d*\.pkg$/, name: 'macOS installer', os: 'macos', button: true, description: 'for macOS 10.15 and later' },
  { pattern: /-aarch64-linux-android\.tar\.gz$/, name: 'Android embeddable package (aarch64)', os: 'android', button: false, description: '' },
  { pattern: /-x86_64-linux-android\.tar\.gz$/, name: 'Android embeddable package (x86_64)', os: 'android', button: false, description: '' },
  { pattern: /-iOS-XCframework\.tar\.gz$/, name: 'iOS XCframework', os: 'ios', button: false, description: '' },
]

const SIDECAR_KEYS: Record<string, string> = {
  '.asc': 'gpg_signature_file',
  '.sig': 'sigstore_signature_file',
  '.crt': 'sigstore_cert_file',
  '.sigstore': 'sigstore_bundle_file',
  '.spdx.json': 'sbom_spdx2_file',
}

/** `slug_for`: `3.14.0rc2` -> `3140-rc2`, `3.12.15` -> `31215`. */
export function slugFor(release: string): string {
  const match = /^([\d.]+)((?:a|b|rc)\d+)?$/.exec(release)
  if (!match) throw new Error(`bad release ${release}`)
  const base = match[1].replaceAll('.', '')
  return match[2] ? `${base}-${match[2]}` : base
}

/** `make_slug`: spaces to dashes, everything outside [A-Za-z0-9_-] dropped. */
export function makeSlug(text: string): string {
  return text.replaceAll(' ', '-').replace(/[^A-Za-z0-9_-]/g, '')
}

export type ToolingLog = { method: string; path: string; status: number }[]

export class ToolingFailure extends Error {}

/** The last path segment of a URI: the object's primary key. */
function pkOf(uri: string): string {
  return uri.replace(/\/+$/, '').split('/').at(-1) as string
}

/**
 * Runs the tooling against `baseUrl` (forced to end in "/") for `release` (`3.14.0rc2`) and the
 * files found on the "FTP" directory. Returns the calls it made (also pushed to `options.log`
 * as they happen, so a failed run's calls can be read); throws ToolingFailure as the tool exits
 * with an error.
 */
export async function addToPydotorg(options: { baseUrl: string; authInfo: string; release: string; files: ToolingFile[]; log?: ToolingLog }): Promise<ToolingLog> {
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`
  const headers = { Authorization: `ApiKey ${options.authInfo}`, 'Content-Type': 'application/json' }
  const log: ToolingLog = options.log ?? []
  const send = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' })
    log.push({ method, path, status: response.status })
    return response
  }
  const queryObject = async (path: string): Promise<string> => {
    const response = await send('GET', path)
    if (response.status !== 200) throw new ToolingFailure(`GET ${path}: ${response.status}`)
    const objects = ((await response.json()) as { objects: { resource_uri: string }[] }).objects
    if (objects.length === 0) throw new ToolingFailure(`GET ${path}: no objects`)
    return pkOf(objects[0].resource_uri)
  }

  const releasePk = await queryObject(`downloads/release/?name=Python+${options.release}`)
  const osPks = new Map<string, string>()
  const version = options.release.replace(/(a|b|rc)\d+$/, '')
  const deleted = await send('DELETE', `downloads/release_file/?release=${releasePk}`)
  if (deleted.status !== 204) throw new ToolingFailure(`DELETE files: ${deleted.status}`)
  const created: string[] = []
  for (const file of options.files) {
    const rule = DESCRIPTIONS.find((candidate) => candidate.pattern.test(file.filename))
    if (!rule) continue
    if (!osPks.has(rule.os)) osPks.set(rule.os, await queryObject(`downloads/os/?slug=${rule.os}`))
    const osPk = osPks.get(rule.os) as string
    const url = `https://www.python.org/ftp/python/${version}/${file.filename}`
    const data: Record<string, unknown> = {
      name: rule.name,
      slug: `${slugFor(options.release)}-${makeSlug(rule.name).slice(0, 40)}`,
      os: `/api/v1/downloads/os/${osPk}/`,
      release: `/api/v1/downloads/release/${releasePk}/`,
      description: rule.description,
      is_source: osPk === '3',
      url,
      sha256_sum: file.sha256,
      filesize: file.size,
      download_button: rule.button,
    }
    for (const suffix of file.sidecars) data[SIDECAR_KEYS[suffix]] = `${url}${suffix}`
    const response = await send('POST', 'downloads/release_file/', data)
    const location = response.headers.get('location')
    if (response.status !== 201 || !location) {
      // The tool prints the error and removes what this run created, newest first.
      for (const pk of [...created].reverse()) {
        const undo = await send('DELETE', `downloads/release_file/${pk}/`)
        if (undo.status !== 204) throw new ToolingFailure(`undo ${pk}: ${undo.status}`)
      }
      throw new ToolingFailure(`POST ${file.filename}: ${response.status} ${await response.text()}`)
    }
    created.push(pkOf(location))
  }
  return log
}
