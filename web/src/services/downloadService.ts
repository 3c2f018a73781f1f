/**
 * The downloads section: the /downloads/ landing, one page per OS, release pages, the
 * /downloads/latest/ redirects, the releases feed and /doc/versions/. Reads releases, files,
 * operating systems and cycles from the CMS and shapes them for templates.
 */
import type { CmsClient } from '../cms/client';
import type { OperatingSystemDoc, ReleaseCycleDoc, ReleaseDoc, ReleaseFileDoc } from '../cms/types';
import { formatDay, formatFileSize, isoDay } from './formatting';
import { compareNewestFirst, releaseSeries, releaseVersionNumbers } from './releaseOrdering';
import { releasePagePath } from './releaseService';
import { INSTALL_MANAGER_VERSION, offersInstallManager, windowsSupportNotes } from './windowsSupportNotes';
import { LEGACY_DOC_RELEASES, RELEASES_WITHOUT_DOCS } from './docVersionsHistory';

export interface ReleaseLink {
  readonly name: string;
  readonly path: string;
  readonly date: string;
  readonly isoDate: string;
  readonly notesUrl: string | null;
}

export interface DownloadButton {
  readonly osSlug: string;
  readonly osName: string;
  readonly fileName: string;
  readonly url: string;
  readonly release: ReleaseLink;
  /**
   * On Windows, when one is published: the install manager. python.org makes it the main
   * button there and offers the standalone installer (fileName, url) as the alternative.
   */
  readonly installManager: InstallManagerLink | null;
}

/** The newest published Python install manager and what to download for it. */
export interface InstallManagerLink {
  readonly release: ReleaseLink;
  /** Its Windows download-button file, or its release page when it has none. */
  readonly url: string;
}

/** A big button on a release page. */
export interface FeaturedDownload {
  readonly label: string;
  readonly url: string;
}

export interface CycleRow {
  readonly cycle: string;
  readonly status: string;
  readonly firstRelease: string;
  readonly endOfLife: string;
  readonly latestPath: string;
  readonly pepUrl: string | null;
}

export interface DownloadsHome {
  readonly buttons: readonly DownloadButton[];
  readonly cycles: readonly CycleRow[];
  readonly releases: readonly ReleaseLink[];
}

export interface FileRow {
  readonly name: string;
  readonly url: string;
  readonly osName: string;
  readonly description: string;
  readonly size: string;
  readonly sha256: string | null;
  readonly md5: string | null;
  readonly gpg: string | null;
  readonly sigstoreBundle: string | null;
  readonly sigstoreCert: string | null;
  readonly sigstoreSignature: string | null;
  readonly sbom: string | null;
}

export interface ReleasePage {
  readonly release: ReleaseLink & { readonly contentHtml: string };
  readonly endOfLife: { readonly cycle: string; readonly date: string } | null;
  readonly supersededBy: ReleaseLink | null;
  readonly featured: readonly FeaturedDownload[];
  readonly files: readonly FileRow[];
  readonly columns: { readonly gpg: boolean; readonly sigstore: boolean; readonly sbom: boolean; readonly sha256: boolean; readonly md5: boolean };
}

export interface OsReleaseGroup {
  readonly release: ReleaseLink;
  readonly files: readonly FileRow[];
  /** Which Windows versions it does not run on, and the like (Windows only). */
  readonly notes: readonly string[];
}

export interface OsPage {
  readonly os: { readonly name: string; readonly slug: string };
  readonly latest: ReleaseLink | null;
  /** Windows only, when one is published. */
  readonly installManager: InstallManagerLink | null;
  readonly stable: readonly OsReleaseGroup[];
  readonly preReleases: readonly OsReleaseGroup[];
}

export interface DocVersionGroup {
  readonly series: string;
  readonly releases: readonly { readonly name: string; readonly date: string; readonly docsUrl: string }[];
}

export type LatestTarget = 'python3' | 'python2' | 'prerelease' | 'pymanager' | `python3.${number}`;

export interface DownloadService {
  downloadsHome(): Promise<DownloadsHome>;
  /** null when there is no OS with this slug. */
  osPage(osSlug: string): Promise<OsPage | null>;
  operatingSystems(): Promise<readonly { readonly name: string; readonly slug: string; readonly path: string }[]>;
  /** null when no published release has this slug. */
  releasePage(slug: string): Promise<ReleasePage | null>;
  /** Shapes a release read elsewhere (a preview) like the public page. */
  releasePageFor(release: ReleaseDoc): Promise<ReleasePage>;
  /** Where /downloads/latest/<target>/ points; null when nothing matches. */
  latestPath(target: LatestTarget): Promise<string | null>;
  /** The 10 newest published releases. */
  newestReleases(count: number): Promise<readonly ReleaseLink[]>;
  docVersions(): Promise<readonly DocVersionGroup[]>;
}

/** The OSes with a big button on /downloads/, in python.org's order. */
const BUTTON_OS_SLUGS = ['windows', 'macos', 'source'];
const FEATURED_ORDER = ['macos', 'windows', 'source'];

export function createDownloadService(client: CmsClient): DownloadService {
  async function publishedReleases(): Promise<ReleaseDoc[]> {
    return [...(await client.findPublishedReleases())].sort(compareNewestFirst);
  }

  async function installManagerOf(releases: readonly ReleaseDoc[], systems: readonly OperatingSystemDoc[]): Promise<InstallManagerLink | null> {
    const release = latestInstallManager(releases);
    if (release === undefined) return null;
    const files = await client.findReleaseFiles({ releaseIds: [release.id], downloadButton: true, summary: true });
    return installManagerLink(release, systems, files);
  }

  /**
   * A release's files and, in the same read, the install manager's download-button files (the
   * same `sort: name`, so each release's files keep the order of a read of their own).
   */
  async function filesWithInstallManager(
    release: ReleaseDoc,
    manager: ReleaseDoc | undefined,
  ): Promise<{ own: readonly ReleaseFileDoc[]; installManager: { release: ReleaseDoc; buttons: readonly ReleaseFileDoc[] } | null }> {
    const files = await client.findReleaseFiles({ releaseIds: manager === undefined ? [release.id] : [release.id, manager.id] });
    return {
      own: files.filter((file) => file.releaseId === release.id),
      installManager: manager === undefined ? null : { release: manager, buttons: files.filter((file) => file.releaseId === manager.id && file.downloadButton) },
    };
  }

  /** What every release page reads besides the release itself; read alongside it. */
  function releasePageShared(): Promise<[readonly OperatingSystemDoc[], readonly ReleaseCycleDoc[], ReleaseDoc[]]> {
    return Promise.all([client.findOperatingSystems(), client.findReleaseCycles(), publishedReleases()]);
  }

  function releasePageFor(release: ReleaseDoc): Promise<ReleasePage> {
    return releasePageWith(release, releasePageShared());
  }

  async function releasePageWith(release: ReleaseDoc, shared: ReturnType<typeof releasePageShared>): Promise<ReleasePage> {
    // A page that offers the install manager reads its files and the install manager's in one
    // read, once the published list (read alongside the release) names the install manager: one
    // CMS request, not two, and no extra round. Other pages read their files alongside the
    // shared lists.
    const filesRead = offersInstallManager(release)
      ? shared.then(([, , releases]) => filesWithInstallManager(release, latestInstallManager(releases)))
      : client.findReleaseFiles({ releaseIds: [release.id] }).then((own) => ({ own, installManager: null }));
    const [[systems, cycles, releases], { own: files, installManager: managerFiles }] = await Promise.all([shared, filesRead]);
    const installManager = managerFiles === null ? null : installManagerLink(managerFiles.release, systems, managerFiles.buttons);
    const osById = new Map(systems.map((os) => [os.id, os]));
    const rows = sortFiles(files, osById).map((file) => fileRow(file, osById));
    const featured = files
      .filter((file) => file.downloadButton)
      .sort((a, b) => featuredRank(osById.get(a.osId)) - featuredRank(osById.get(b.osId)))
      .map((file): FeaturedDownload => {
        const os = osById.get(file.osId);
        // python.org offers the install manager instead of the installer from 3.5 on.
        if (os?.slug === 'windows' && installManager !== null) return { label: 'Download Python install manager', url: installManager.url };
        // python.org's label is the file's own name ("Download macOS installer").
        return { label: `Download ${file.name}`, url: file.url };
      });
    const series = releaseSeries(release.name);
    const cycle = cycles.find((c) => c.cycle === series);
    const superseding = release.version === INSTALL_MANAGER_VERSION || series === null
      ? undefined
      : releases.find((other) => !other.preRelease && other.id !== release.id && releaseSeries(other.name) === series && isNewerVersion(other, release));
    return {
      release: { ...releaseLink(release), contentHtml: release.contentHtml },
      endOfLife: cycle !== undefined && cycle.status === 'end-of-life' ? { cycle: cycle.cycle, date: formatDay(cycle.endOfLife) } : null,
      supersededBy: superseding === undefined ? null : releaseLink(superseding),
      featured,
      files: rows,
      columns: {
        gpg: rows.some((row) => row.gpg !== null),
        sigstore: rows.some((row) => row.sigstoreBundle !== null || row.sigstoreCert !== null),
        sbom: rows.some((row) => row.sbom !== null),
        sha256: rows.some((row) => row.sha256 !== null),
        md5: !rows.some((row) => row.sha256 !== null) && rows.some((row) => row.md5 !== null),
      },
    };
  }

  return {
    async downloadsHome() {
      const [systems, cycles, releases] = await Promise.all([client.findOperatingSystems(), client.findReleaseCycles(), publishedReleases()]);
      // The latest Python 3 is in the published list already (the summary carries isLatest):
      // no read of its own.
      const latest = releases.find((release) => release.isLatest && release.version === 3) ?? null;
      const buttons: DownloadButton[] = [];
      // The latest release first, then the newest stable releases of its version: when the
      // latest has no button file for an OS (published before its source tarball, say), the
      // newest that has one. One CMS read for all of them, alongside the install manager's.
      const candidates =
        latest === null ? [] : [latest, ...releases.filter((release) => release.version === latest.version && !release.preRelease && release.id !== latest.id).slice(0, 5)];
      // The install manager's button file comes in the same read: one request, not two.
      const installManagerRelease = latestInstallManager(releases);
      const buttonReleaseIds = [...new Set([...candidates.map((release) => release.id), ...(installManagerRelease === undefined ? [] : [installManagerRelease.id])])];
      const files = buttonReleaseIds.length === 0 ? [] : await client.findReleaseFiles({ releaseIds: buttonReleaseIds, downloadButton: true, summary: true });
      const installManager =
        installManagerRelease === undefined
          ? null
          : installManagerLink(installManagerRelease, systems, files.filter((file) => file.releaseId === installManagerRelease.id));
      if (latest !== null) {
        for (const slug of BUTTON_OS_SLUGS) {
          const os = systems.find((candidate) => candidate.slug === slug);
          if (os === undefined) continue;
          for (const release of candidates) {
            const file = files.find((candidate) => candidate.osId === os.id && candidate.releaseId === release.id);
            if (file !== undefined) {
              buttons.push({
                osSlug: os.slug,
                osName: os.name,
                fileName: file.name,
                url: file.url,
                release: releaseLink(release),
                installManager: os.slug === 'windows' ? installManager : null,
              });
              break;
            }
          }
        }
      }
      return {
        buttons,
        cycles: activeCycles(cycles),
        // python.org's Release.objects.downloads(), sorted by version number, newest first.
        releases: releases
          .filter((release) => release.showOnDownloadPage && !release.preRelease)
          .sort(compareByVersionDescending)
          .map(releaseLink),
      };
    },

    async osPage(osSlug) {
      const systems = await client.findOperatingSystems();
      const os = systems.find((candidate) => candidate.slug === osSlug);
      if (os === undefined) return null;
      const [files, releases, latest] = await Promise.all([
        client.findReleaseFiles({ osId: os.id, summary: true }),
        publishedReleases(),
        client.findLatestRelease(3),
      ]);
      const osById = new Map([[os.id, os]]);
      const filesByRelease = new Map<number, ReleaseFileDoc[]>();
      for (const file of files) filesByRelease.set(file.releaseId, [...(filesByRelease.get(file.releaseId) ?? []), file]);
      const windows = os.slug === 'windows';
      const groups = releases
        .filter((release) => filesByRelease.has(release.id))
        .map((release) => ({
          release,
          group: {
            release: releaseLink(release),
            files: (filesByRelease.get(release.id) ?? []).map((file) => fileRow(file, osById)),
            notes: windows ? windowsSupportNotes(release) : [],
          },
        }));
      return {
        os: { name: os.name, slug: os.slug },
        latest: latest === null ? null : releaseLink(latest),
        installManager: windows ? await installManagerOf(releases, systems) : null,
        stable: groups.filter((entry) => !entry.release.preRelease).map((entry) => entry.group),
        preReleases: groups.filter((entry) => entry.release.preRelease).map((entry) => entry.group),
      };
    },

    async operatingSystems() {
      const systems = await client.findOperatingSystems();
      return systems.map((os) => ({ name: os.name, slug: os.slug, path: `/downloads/${encodeURIComponent(os.slug)}/` }));
    },

    async releasePage(slug) {
      // The shared reads start with the release's own: two rounds to the CMS, not three.
      const shared = releasePageShared();
      // Awaited only after the release's read: should that read fail (the CMS down) or find
      // nothing, nobody awaits these, and an unhandled rejection would stop the renderer.
      shared.catch(() => undefined);
      const release = await client.findReleaseBySlug(slug);
      if (release === null) return null;
      return releasePageWith(release, shared);
    },

    releasePageFor,

    async latestPath(target) {
      if (target === 'python3' || target === 'python2') {
        const release = await client.findLatestRelease(target === 'python3' ? 3 : 2);
        return release === null ? null : releasePagePath(release.slug);
      }
      const releases = await publishedReleases();
      if (target === 'pymanager') {
        const release = latestInstallManager(releases);
        return release === undefined ? null : releasePagePath(release.slug);
      }
      if (target === 'prerelease') {
        // python.org's latest_prerelease: the newest Python 3 pre-release by date, even when a
        // final release has overtaken it (releases are already newest first by date).
        const pre = releases.find((candidate) => candidate.version === 3 && candidate.preRelease);
        return pre === undefined ? null : releasePagePath(pre.slug);
      }
      const series = target.slice('python'.length);
      const inSeries = releases.filter((candidate) => candidate.version === 3 && releaseSeries(candidate.name) === series);
      const release = inSeries.find((candidate) => !candidate.preRelease) ?? inSeries[0];
      return release === undefined ? null : releasePagePath(release.slug);
    },

    async newestReleases(count) {
      return (await publishedReleases()).slice(0, count).map(releaseLink);
    },

    async docVersions() {
      const releases = (await publishedReleases()).filter((release) => !release.preRelease && isPythonVersionName(release.name));
      const groups = new Map<string, DocVersionGroup['releases'][number][]>();
      const add = (series: string, entry: DocVersionGroup['releases'][number]): void => {
        groups.set(series, [...(groups.get(series) ?? []), entry]);
      };
      for (const release of [...releases].sort(compareByVersionDescending)) {
        const series = releaseSeries(release.name);
        const version = release.name.replace(/^Python\s+/, '');
        if (series === null || RELEASES_WITHOUT_DOCS.has(version)) continue;
        add(series, { name: release.name, date: formatDay(release.releaseDate), docsUrl: docsUrlOf(version) });
      }
      const known = new Set(releases.map((release) => release.name));
      for (const legacy of LEGACY_DOC_RELEASES) {
        const name = `Python ${legacy.version}`;
        if (known.has(name)) continue;
        add(legacy.series, { name, date: formatDay(legacy.date), docsUrl: docsUrlOf(legacy.version) });
      }
      return [...groups.entries()]
        .sort(([a], [b]) => compareSeriesDescending(a, b))
        .map(([series, list]) => ({ series, releases: list }));
    },
  };
}

/** The install manager's link: its Windows button file, else its first button file, else its release page. */
function installManagerLink(release: ReleaseDoc, systems: readonly OperatingSystemDoc[], files: readonly ReleaseFileDoc[]): InstallManagerLink {
  const windows = systems.find((os) => os.slug === 'windows');
  const file = files.find((candidate) => candidate.osId === windows?.id) ?? files[0];
  return { release: releaseLink(release), url: file?.url ?? releasePagePath(release.slug) };
}

/** python.org's latest_pymanager: the published install manager release marked latest. */
function latestInstallManager(releases: readonly ReleaseDoc[]): ReleaseDoc | undefined {
  return releases.find((candidate) => candidate.version === INSTALL_MANAGER_VERSION && candidate.isLatest);
}

function docsUrlOf(version: string): string {
  return `https://docs.python.org/release/${encodeURIComponent(version)}/`;
}

/** "3.14" before "3.9" before "2.7". */
function compareSeriesDescending(a: string, b: string): number {
  const [va, vb] = [a.split('.').map(Number), b.split('.').map(Number)];
  return (vb[0] ?? 0) - (va[0] ?? 0) || (vb[1] ?? 0) - (va[1] ?? 0);
}

function releaseLink(release: ReleaseDoc): ReleaseLink {
  return {
    name: release.name,
    path: releasePagePath(release.slug),
    date: formatDay(release.releaseDate),
    isoDate: isoDay(release.releaseDate),
    notesUrl: release.releaseNotesUrl,
  };
}

function fileRow(file: ReleaseFileDoc, osById: ReadonlyMap<number, OperatingSystemDoc>): FileRow {
  return {
    name: file.name,
    url: file.url,
    osName: osById.get(file.osId)?.name ?? '',
    description: file.description ?? '',
    size: formatFileSize(file.fileSize),
    sha256: file.sha256Sum,
    md5: file.md5Sum,
    gpg: file.gpgSignatureFile,
    sigstoreBundle: file.sigstoreBundleFile,
    sigstoreCert: file.sigstoreCertFile,
    sigstoreSignature: file.sigstoreSignatureFile,
    sbom: file.sbomSpdx2File,
  };
}

/** Source files first, then the others by OS name and file name (python.org's files table). */
function sortFiles(files: readonly ReleaseFileDoc[], osById: ReadonlyMap<number, OperatingSystemDoc>): ReleaseFileDoc[] {
  return [...files].sort((a, b) => {
    if (a.isSource !== b.isSource) return a.isSource ? -1 : 1;
    const byOs = (osById.get(a.osId)?.name ?? '').localeCompare(osById.get(b.osId)?.name ?? '');
    return byOs !== 0 ? byOs : a.name.localeCompare(b.name);
  });
}

function featuredRank(os: OperatingSystemDoc | undefined): number {
  const rank = FEATURED_ORDER.indexOf(os?.slug ?? '');
  return rank === -1 ? FEATURED_ORDER.length : rank;
}

function isPythonVersionName(name: string): boolean {
  return /^Python\s+\d/.test(name);
}

function isNewerVersion(a: ReleaseDoc, b: ReleaseDoc): boolean {
  return compareByVersionDescending(a, b) < 0;
}

function compareByVersionDescending(a: ReleaseDoc, b: ReleaseDoc): number {
  // Names that are not "Python X.Y.Z" (the install manager) go last rather than failing the
  // sort, which python.org's version_key would do on such a name.
  const [pa, pb] = [isPythonVersionName(a.name), isPythonVersionName(b.name)];
  if (pa !== pb) return pa ? -1 : 1;
  const [va, vb] = [releaseVersionNumbers(a), releaseVersionNumbers(b)];
  for (let i = 0; i < 3; i += 1) {
    const diff = (vb[i] ?? 0) - (va[i] ?? 0);
    if (diff !== 0) return diff;
  }
  // Same X.Y.Z: a final release is newer than its pre-releases.
  if (a.preRelease !== b.preRelease) return a.preRelease ? 1 : -1;
  return compareNewestFirst(a, b);
}

/**
 * python.org's "Active Python releases": newest first, every live branch, and only the most
 * recent end-of-life one.
 */
function activeCycles(cycles: readonly ReleaseCycleDoc[]): CycleRow[] {
  const sorted = [...cycles].sort((a, b) => b.firstRelease.localeCompare(a.firstRelease));
  const live = sorted.filter((cycle) => cycle.status !== 'end-of-life');
  const lastEol = sorted.find((cycle) => cycle.status === 'end-of-life');
  return [...live, ...(lastEol === undefined ? [] : [lastEol])].map((cycle) => ({
    cycle: cycle.cycle,
    status: cycle.status === 'end-of-life' ? 'end of life' : cycle.status === 'prerelease' || cycle.status === 'feature' ? 'pre-release' : cycle.status,
    firstRelease: formatDay(cycle.firstRelease),
    endOfLife: formatDay(cycle.endOfLife),
    latestPath: `/downloads/latest/python${cycle.cycle}/`,
    pepUrl: cycle.pep === null ? null : `https://peps.python.org/pep-${String(cycle.pep).padStart(4, '0')}/`,
  }));
}
