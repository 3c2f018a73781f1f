import { describe, expect, it } from 'vitest';
import type { ReleaseDoc } from '../../../web/src/cms/types';
import { createReleaseService, releasePagePath } from '../../../web/src/services/releaseService';

const doc: ReleaseDoc = {
  id: 42,
  name: 'Python 3.14.7',
  slug: 'python-3147',
  version: 3,
  isLatest: true,
  isPublished: true,
  preRelease: false,
  showOnDownloadPage: true,
  releaseDate: '2026-01-13T00:00:00.000Z',
  releaseNotesUrl: null,
  releasePageId: null,
  contentHtml: '',
};

describe('createReleaseService', () => {
  it('asks for the latest version-3 release and shapes it for pages', async () => {
    const askedVersions: number[] = [];
    const service = createReleaseService({
      findLatestRelease: async (version) => {
        askedVersions.push(version);
        return doc;
      },
    });

    await expect(service.latestPython3()).resolves.toEqual({
      name: 'Python 3.14.7',
      slug: 'python-3147',
      path: '/downloads/release/python-3147/',
      releaseDate: '2026-01-13T00:00:00.000Z',
    });
    expect(askedVersions).toEqual([3]);
  });

  it('returns null when the CMS has no latest Python 3 release', async () => {
    const service = createReleaseService({ findLatestRelease: async () => null });

    await expect(service.latestPython3()).resolves.toBeNull();
  });
});

describe('releasePagePath', () => {
  it('encodes the slug so it cannot break out of the path', () => {
    expect(releasePagePath('python-3147')).toBe('/downloads/release/python-3147/');
    expect(releasePagePath('../admin?x')).toBe('/downloads/release/..%2Fadmin%3Fx/');
  });
});
