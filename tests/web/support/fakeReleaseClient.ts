import type { CmsClient } from '../../../web/src/cms/client';
import type { OperatingSystemDoc, ReleaseCycleDoc, ReleaseDoc, ReleaseFileDoc } from '../../../web/src/cms/types';

/** A published release as the CMS returns it; the slug follows python.org's convention. */
export const fakeRelease = (id: number, name: string, date: string, extra: Partial<ReleaseDoc> = {}): ReleaseDoc => ({
  id,
  name,
  slug: name.toLowerCase().replace(/[^\w\s-]/g, '').replace(/\s+/g, '-'),
  version: Number(/(\d+)\./.exec(name)?.[1] ?? 100),
  isLatest: false,
  isPublished: true,
  preRelease: false,
  showOnDownloadPage: true,
  releaseDate: date,
  releaseNotesUrl: null,
  releasePageId: null,
  contentHtml: '',
  ...extra,
});

export const fakeReleaseFile = (id: number, releaseId: number, osId: number, extra: Partial<ReleaseFileDoc> = {}): ReleaseFileDoc => ({
  id,
  name: `file ${id}`,
  slug: null,
  description: null,
  releaseId,
  osId,
  isSource: osId === 3,
  url: `https://www.python.org/ftp/python/${id}`,
  gpgSignatureFile: null,
  sigstoreSignatureFile: null,
  sigstoreCertFile: null,
  sigstoreBundleFile: null,
  sbomSpdx2File: null,
  md5Sum: null,
  sha256Sum: null,
  fileSize: null,
  downloadButton: false,
  ...extra,
});

export const fakeOperatingSystems: OperatingSystemDoc[] = [
  { id: 1, name: 'Windows', slug: 'windows' },
  { id: 2, name: 'macOS', slug: 'macos' },
  { id: 3, name: 'Source release', slug: 'source' },
];

/** The release reads of the CMS client, answered from memory like the CMS would (published only). */
export function createFakeReleaseClient(data: { releases: readonly ReleaseDoc[]; files: readonly ReleaseFileDoc[]; cycles?: readonly ReleaseCycleDoc[] }): CmsClient {
  const published = data.releases.filter((r) => r.isPublished);
  return {
    findLatestRelease: async (version: number) => published.find((r) => r.isLatest && r.version === version) ?? null,
    findPublishedReleases: async () => [...published].sort((a, b) => (b.releaseDate ?? '').localeCompare(a.releaseDate ?? '')),
    findReleaseBySlug: async (slug: string) => published.find((r) => r.slug === slug) ?? null,
    findReleaseFiles: async (filter: { releaseIds?: readonly number[]; osId?: number; downloadButton?: boolean }) =>
      data.files.filter(
        (f) =>
          (filter.releaseIds === undefined || filter.releaseIds.includes(f.releaseId)) &&
          (filter.osId === undefined || f.osId === filter.osId) &&
          (filter.downloadButton === undefined || f.downloadButton === filter.downloadButton),
      ),
    findOperatingSystems: async () => fakeOperatingSystems,
    findReleaseCycles: async () => data.cycles ?? [],
  } as unknown as CmsClient;
}
