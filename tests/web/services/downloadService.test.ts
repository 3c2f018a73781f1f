import { describe, expect, it, vi } from 'vitest';
import type { CmsClient } from '../../../web/src/cms/client';
import type { ReleaseCycleDoc } from '../../../web/src/cms/types';
import { createDownloadService } from '../../../web/src/services/downloadService';
import { fakeRelease as release, fakeReleaseFile as file } from '../support/fakeReleaseClient';


const releases = [
  release(1, 'Python 3.14.7', '2026-08-05T00:00:00Z', { isLatest: true }),
  release(2, 'Python 3.14.6', '2026-06-10T00:00:00Z'),
  release(3, 'Python 3.13.15', '2026-08-05T00:00:00Z'),
  release(4, 'Python 3.15.0a1', '2026-07-01T00:00:00Z', { preRelease: true }),
  release(5, 'Python 2.7.18', '2020-04-20T00:00:00Z', { isLatest: true }),
  release(6, 'Python install manager 25.0', '2026-06-30T00:00:00Z', { version: 100, isLatest: true }),
];
const files = [
  file(10, 1, 1, { downloadButton: true }),
  file(11, 2, 3, { downloadButton: true, name: 'XZ compressed source tarball' }),
  file(12, 1, 2, { downloadButton: true }),
  // Not a button file: the install manager's link must skip it although it comes first.
  file(14, 6, 1, { name: 'Install manager MSI', url: 'https://www.python.org/ftp/python/pymanager/python-manager-25.0.msi' }),
  file(13, 6, 1, { downloadButton: true, url: 'https://www.python.org/ftp/python/pymanager/python-manager-25.0.msix' }),
];
const cycles: ReleaseCycleDoc[] = [
  { cycle: '3.14', status: 'bugfix', firstRelease: '2025-10-07T00:00:00Z', endOfLife: '2030-10-31T00:00:00Z', latestReleaseId: 1, pep: 745 },
  { cycle: '3.8', status: 'end-of-life', firstRelease: '2019-10-14T00:00:00Z', endOfLife: '2024-10-07T00:00:00Z', latestReleaseId: null, pep: 569 },
  { cycle: '2.7', status: 'end-of-life', firstRelease: '2010-07-03T00:00:00Z', endOfLife: '2020-04-20T00:00:00Z', latestReleaseId: 5, pep: 373 },
];

const client = {
  findLatestRelease: async (version: number) => releases.find((r) => r.isLatest && r.version === version) ?? null,
  findPublishedReleases: async () => releases,
  findReleaseBySlug: async (slug: string) => releases.find((r) => r.slug === slug) ?? null,
  findReleaseFiles: async (filter: { releaseIds?: readonly number[]; osId?: number; downloadButton?: boolean }) =>
    files.filter(
      (f) =>
        (filter.releaseIds === undefined || filter.releaseIds.includes(f.releaseId)) &&
        (filter.osId === undefined || f.osId === filter.osId) &&
        (filter.downloadButton === undefined || f.downloadButton === filter.downloadButton),
    ),
  findOperatingSystems: async () => [
    { id: 1, name: 'Windows', slug: 'windows' },
    { id: 2, name: 'macOS', slug: 'macos' },
    { id: 3, name: 'Source release', slug: 'source' },
  ],
  findReleaseCycles: async () => cycles,
} as unknown as CmsClient;

const service = createDownloadService(client);

describe('downloadService', () => {
  it('gives one button per OS, the source one from the newest release that has it', async () => {
    const home = await service.downloadsHome();
    expect(home.buttons.map((b) => [b.osSlug, b.release.name])).toEqual([
      ['windows', 'Python 3.14.7'],
      ['macos', 'Python 3.14.7'],
      ['source', 'Python 3.14.6'],
    ]);
  });

  it('lists final releases newest version first, and shows live cycles plus the last end-of-life one', async () => {
    const home = await service.downloadsHome();
    expect(home.releases.map((r) => r.name)).toEqual(['Python 3.14.7', 'Python 3.14.6', 'Python 3.13.15', 'Python 2.7.18', 'Python install manager 25.0']);
    expect(home.cycles.map((c) => [c.cycle, c.status])).toEqual([
      ['3.14', 'bugfix'],
      ['3.8', 'end of life'],
    ]);
    expect(home.cycles[0]?.pepUrl).toBe('https://peps.python.org/pep-0745/');
  });

  it('resolves the /downloads/latest/ targets', async () => {
    expect(await service.latestPath('python3')).toBe('/downloads/release/python-3147/');
    expect(await service.latestPath('python2')).toBe('/downloads/release/python-2718/');
    expect(await service.latestPath('python3.13')).toBe('/downloads/release/python-31315/');
    expect(await service.latestPath('python3.15')).toBe('/downloads/release/python-3150a1/');
    expect(await service.latestPath('python3.99')).toBeNull();
    expect(await service.latestPath('prerelease')).toBe('/downloads/release/python-3150a1/');
    expect(await service.latestPath('pymanager')).toBe('/downloads/release/python-install-manager-250/');
  });

  it('marks a superseded release and an end-of-life one', async () => {
    expect((await service.releasePage('python-3146'))?.supersededBy?.name).toBe('Python 3.14.7');
    expect((await service.releasePage('python-3147'))?.supersededBy).toBeNull();
    expect((await service.releasePage('python-2718'))?.endOfLife).toEqual({ cycle: '2.7', date: 'April 20, 2020' });
    expect(await service.releasePage('python-9999')).toBeNull();
  });

  it('offers the install manager beside the Windows installer, and instead of it on 3.5+ release pages', async () => {
    const managerUrl = 'https://www.python.org/ftp/python/pymanager/python-manager-25.0.msix';
    const home = await service.downloadsHome();
    expect(home.buttons.find((b) => b.osSlug === 'windows')?.installManager).toEqual({
      release: expect.objectContaining({ name: 'Python install manager 25.0', path: '/downloads/release/python-install-manager-250/' }),
      url: managerUrl,
    });
    expect(home.buttons.find((b) => b.osSlug === 'macos')?.installManager).toBeNull();
    expect((await service.releasePage('python-3147'))?.featured).toEqual([
      { label: 'Download file 12', url: 'https://www.python.org/ftp/python/12' },
      { label: 'Download Python install manager', url: managerUrl },
    ]);
    expect((await service.osPage('windows'))?.installManager?.url).toBe(managerUrl);
    expect((await service.osPage('macos'))?.installManager).toBeNull();
  });

  it('notes, per release on the Windows page, which Windows versions it no longer runs on', async () => {
    const windows = await service.osPage('windows');
    expect(windows?.stable.map((group) => [group.release.name, group.notes])).toEqual([
      ['Python 3.14.7', ['Python 3.14.7 is best installed with the Python install manager.', 'Note that Python 3.14.7 cannot be used on Windows 7 or earlier.']],
      ['Python install manager 25.0', []],
    ]);
    expect((await service.osPage('macos'))?.stable.every((group) => group.notes.length === 0)).toBe(true);
  });

  it('groups documentation by series, without pre-releases or the install manager', async () => {
    const groups = await service.docVersions();
    expect(groups.map((g) => g.series)).toEqual(['3.14', '3.13', '2.7', '2.2', '2.1', '2.0', '1.6', '1.5', '1.4']);
    expect(groups[0]?.releases.map((r) => r.docsUrl)).toEqual(['https://docs.python.org/release/3.14.7/', 'https://docs.python.org/release/3.14.6/']);
  });

  it('reads the CMS in two rounds for /downloads/ and a release page, its release files once, and not the latest release on its own', async () => {
    // Each read answers 10 ms (fake time) after it starts: reads started at the same instant
    // belong to one round trip, so the distinct start times count the rounds.
    vi.useFakeTimers();
    try {
      const reads: { name: string; at: number }[] = [];
      const slowed = new Proxy(client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>, {
        get: (target, name: string) => async (...args: unknown[]) => {
          reads.push({ name, at: Date.now() });
          await new Promise((resolve) => setTimeout(resolve, 10));
          return target[name]!(...args);
        },
      }) as unknown as CmsClient;
      const timed = createDownloadService(slowed);
      const rounds = () => new Set(reads.map((read) => read.at)).size;

      const home = timed.downloadsHome();
      await vi.runAllTimersAsync();
      expect((await home).buttons).toHaveLength(3);
      expect(rounds()).toBe(2);
      expect(reads.map((read) => read.name)).not.toContain('findLatestRelease');
      // The buttons' files and the install manager's in one read.
      expect(reads.filter((read) => read.name === 'findReleaseFiles')).toHaveLength(1);

      reads.length = 0;
      const page = timed.releasePage('python-3147');
      await vi.runAllTimersAsync();
      expect((await page)?.files.length).toBeGreaterThan(0);
      expect(rounds()).toBe(2);
      // The release's files and the install manager's button file in one read.
      expect(reads.filter((read) => read.name === 'findReleaseFiles')).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('fails a release page cleanly when the CMS is down, leaving no read unawaited', async () => {
    // The shared reads start alongside the release's own and fail after it: were they left
    // unawaited, their rejection would be unhandled, which stops a Node process (the renderer
    // did, in the outage test). Vitest fails the run on an unhandled rejection.
    const down = (delayMs: number) => () => new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error('CMS down')), delayMs));
    const failing = { ...client, findReleaseBySlug: down(1), findOperatingSystems: down(5), findReleaseCycles: down(5), findPublishedReleases: down(5) } as unknown as CmsClient;
    await expect(createDownloadService(failing).releasePage('python-3147')).rejects.toThrow('CMS down');
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
});
