/**
 * The data python.org's auto-generated download boxes are rendered from: the releases flagged
 * latest (Python 3, Python 2, the Windows install manager) with their files.
 *
 * The file is named `types.ts` rather than after one export because it holds only the shapes
 * shared by the renderers and by the hook that loads them (`hooks/loadLatestReleases.ts`).
 */

export interface DownloadBoxFile {
  /** The operating system's slug: `windows`, `macos`, `source`, `android`, `ios`, ... */
  osSlug: string
  /**
   * The operating system's display name ("macOS"). Optional: without it the renderer uses
   * python.org's name for the slug (see `operatingSystemName.ts`).
   */
  osName?: string | null | undefined
  name: string
  url: string
  /** python.org's `download_button`: the file an OS's download button points to. */
  downloadButton: boolean
  description?: string | null | undefined
}

export interface ReleaseWithFiles {
  /** `Python 3.14.7`: also the button text, as on python.org. */
  name: string
  /** Builds the release page URL, `/downloads/release/<slug>/`. */
  slug: string
  /** Not rendered; carried because callers load it with the release. */
  releaseDate?: string | null | undefined
  files: readonly DownloadBoxFile[]
}

export interface DownloadBoxInput {
  latestPython3: ReleaseWithFiles | null
  latestPython2: ReleaseWithFiles | null
  /** python.org's "Python install manager" release (version 100), when there is one. */
  latestPymanager?: ReleaseWithFiles | null | undefined
  /**
   * When given, the supernav's leading comment says when it was generated, as python.org's does.
   * Left out by default so that unchanged release data renders byte-identical boxes.
   */
  generatedAt?: Date | undefined
}

export interface RenderedDownloadBox {
  label: DownloadBoxLabel
  /** HTML; every data value in it is escaped. */
  content: string
}

/** The labels python.org stores these boxes under; templates and `/box/<label>/` use them. */
export const DOWNLOAD_BOX_LABELS = {
  supernav: 'supernav-python-downloads',
  homepage: 'homepage-downloads',
  sources: 'download-sources',
} as const

export type DownloadBoxLabel = (typeof DOWNLOAD_BOX_LABELS)[keyof typeof DOWNLOAD_BOX_LABELS]
