import type { DownloadBoxFile } from './types'

/**
 * python.org's production OS names, used when a file does not carry its OS's name. An unknown
 * slug falls back to the slug itself rather than failing: the box still links correctly.
 */
const PYTHON_ORG_OS_NAMES: Readonly<Record<string, string>> = {
  windows: 'Windows',
  macos: 'macOS',
  source: 'Source release',
  android: 'Android',
  ios: 'iOS',
}

export function operatingSystemName(file: Pick<DownloadBoxFile, 'osSlug' | 'osName'>): string {
  if (file.osName) return file.osName
  return PYTHON_ORG_OS_NAMES[file.osSlug] ?? file.osSlug
}
