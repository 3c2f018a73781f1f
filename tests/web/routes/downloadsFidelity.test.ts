/**
 * The downloads pages read as a visitor reads them, with the real download service over a CMS
 * answering from memory: python.org's "Looking for a specific release?" list, the Windows hero,
 * the /downloads/latest/ redirects, /doc/versions/ and the release page's labels.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDownloadService } from '../../../web/src/services/downloadService';
import { createFakeServices } from '../support/fakeServices';
import { createFakeReleaseClient, fakeRelease as release, fakeReleaseFile as file } from '../support/fakeReleaseClient';
import { startTestApp } from '../support/startTestApp';
import type { TestServer } from '../support/startTestServer';

const html = 'text/html; charset=utf-8';
const publicCache = 'public, max-age=300';
const managerUrl = 'https://www.python.org/ftp/python/pymanager/python-manager-25.1.msix';

const releases = [
  release(1, 'Python 3.14.7', '2026-08-05T00:00:00Z', { isLatest: true }),
  // Dated after 3.14.7 but an older version: version order puts it after.
  release(2, 'Python 3.13.15', '2026-09-01T00:00:00Z'),
  release(3, 'Python 3.9.25', '2026-10-01T00:00:00Z'),
  release(4, 'Python 3.15.0a2', '2026-07-01T00:00:00Z', { preRelease: true }),
  // A pre-release its final release has overtaken: "prerelease" still follows it by date.
  release(5, 'Python 3.14.7rc2', '2026-06-01T00:00:00Z', { preRelease: true }),
  release(6, 'Python 3.12.1', '2026-01-01T00:00:00Z', { showOnDownloadPage: false }),
  release(7, 'Python 2.5.6', '2011-05-26T00:00:00Z', { version: 2 }),
  release(8, 'Python install manager 25.1', '2026-07-15T00:00:00Z', { version: 100, isLatest: true, showOnDownloadPage: false }),
  // A newer install manager not marked latest: pymanager must not follow it.
  release(9, 'Python install manager 26.0b1', '2026-08-20T00:00:00Z', { version: 100, showOnDownloadPage: false }),
];
const files = [
  file(10, 1, 1, { downloadButton: true, name: 'Windows installer (64-bit)', url: 'https://www.python.org/ftp/python/3.14.7/python-3.14.7-amd64.exe' }),
  file(11, 1, 2, { downloadButton: true, name: 'macOS installer', url: 'https://www.python.org/ftp/python/3.14.7/python-3.14.7-macos11.pkg' }),
  file(12, 1, 3, { downloadButton: true, name: 'XZ compressed source tarball' }),
  file(13, 8, 1, { downloadButton: true, name: 'Python install manager', url: managerUrl }),
];

async function start(data: Parameters<typeof createFakeReleaseClient>[0]): Promise<TestServer> {
  return startTestApp(createFakeServices({ downloads: createDownloadService(createFakeReleaseClient(data)) }));
}

async function page(server: TestServer, path: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}${path}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(html);
  expect(response.headers.get('cache-control')).toBe(publicCache);
  return response.text();
}

async function redirect(server: TestServer, path: string): Promise<string | null> {
  const response = await fetch(`${server.baseUrl}${path}`, { redirect: 'manual' });
  expect(response.status).toBe(302);
  expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  expect(response.headers.get('cache-control')).toBe(publicCache);
  return response.headers.get('location');
}

describe('downloads, as python.org', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start({ releases, files });
  });
  afterAll(async () => {
    await server.close();
  });

  it('lists published, shown, final releases newest version first under "Looking for a specific release?"', async () => {
    const body = await page(server, '/downloads/');
    const list = body.slice(body.indexOf('Looking for a specific release?'));
    const names = [...list.matchAll(/<td><a href="[^"]+">(Python [^<]+)<\/a><\/td>/g)].map((m) => m[1]);
    expect(names).toEqual(['Python 3.14.7', 'Python 3.13.15', 'Python 3.9.25', 'Python 2.5.6']);
  });

  it('offers the install manager as the main Windows button and the standalone installer as the alternative', async () => {
    const body = await page(server, '/downloads/');
    const windows = body.slice(body.indexOf('download-os-windows'), body.indexOf('download-os-macos'));
    expect(windows).toMatch(new RegExp(`<a class="button button--large" href="${managerUrl.replace(/\./g, '\\.')}">Download Python install manager</a>`));
    expect(windows).toContain('standalone installer for <a href="https://www.python.org/ftp/python/3.14.7/python-3.14.7-amd64.exe">Python 3.14.7</a>');
    const macos = body.slice(body.indexOf('download-os-macos'));
    expect(macos).toContain('<a class="button button--large" href="https://www.python.org/ftp/python/3.14.7/python-3.14.7-macos11.pkg">Download Python 3.14.7</a>');
  });

  it('keeps the installer as the Windows button when no install manager is marked latest', async () => {
    const other = await start({ releases: releases.filter((r) => r.id !== 8), files });
    try {
      const body = await page(other, '/downloads/');
      expect(body).toContain('<a class="button button--large" href="https://www.python.org/ftp/python/3.14.7/python-3.14.7-amd64.exe">Download Python 3.14.7</a>');
      expect(body).not.toContain('Download Python install manager');
    } finally {
      await other.close();
    }
  });

  it.each([
    ['/downloads/latest/python3/', '/downloads/release/python-3147/'],
    ['/downloads/latest/python2/', '/downloads/release/python-256/'],
    ['/downloads/latest/python3.13/', '/downloads/release/python-31315/'],
    ['/downloads/latest/prerelease/', '/downloads/release/python-3150a2/'],
    ['/downloads/latest/pymanager/', '/downloads/release/python-install-manager-251/'],
    ['/downloads/latest/python3.99/', '/downloads/'],
  ])('redirects %s to %s', async (path, location) => {
    const data = { releases: releases.map((r) => (r.id === 7 ? { ...r, isLatest: true } : r)), files };
    const other = await start(data);
    try {
      expect(await redirect(other, path)).toBe(location);
    } finally {
      await other.close();
    }
  });

  it.each(['python3', 'python2', 'python3.14', 'prerelease', 'pymanager'])('sends /downloads/latest/%s/ to /downloads/ when nothing matches', async (target) => {
    const empty = await start({ releases: [], files: [] });
    try {
      expect(await redirect(empty, `/downloads/latest/${target}/`)).toBe('/downloads/');
    } finally {
      await empty.close();
    }
  });

  it('follows the newest pre-release by date, even one a final release has overtaken', async () => {
    const other = await start({ releases: releases.filter((r) => r.id !== 4), files });
    try {
      expect(await redirect(other, '/downloads/latest/prerelease/')).toBe('/downloads/release/python-3147rc2/');
    } finally {
      await other.close();
    }
  });

  it('lists /doc/versions/ without the releases whose documentation was never published, with python.org\'s sections', async () => {
    const body = await page(server, '/doc/versions/');
    expect(body).toContain('https://docs.python.org/release/3.14.7/');
    expect(body).not.toContain('https://docs.python.org/release/2.5.6/');
    expect(body).not.toContain('3.15.0a2');
    expect(body).not.toContain('install manager');
    expect(body).toContain('<h2>Release versions</h2>');
    expect(body).toContain('<h2 id="in-development-versions">In development versions</h2>');
    expect(body).toContain('<a href="https://docs.python.org/dev/">Development version</a>');
    expect(body).toContain('<a href="https://docs.python.org/release/1.5.2p2/">Python 1.5.2p2</a>');
    const series = [...body.matchAll(/<h3>Python (\d+\.\d+)<\/h3>/g)].map((m) => m[1]);
    expect(series).toEqual(['3.14', '3.13', '3.12', '3.9', '2.2', '2.1', '2.0', '1.6', '1.5', '1.4']);
  });

  it('labels the release page buttons with the file names, as python.org', async () => {
    const body = await page(server, '/downloads/release/python-3147/');
    expect(body).toContain('>Download macOS installer</a>');
    expect(body).toContain('>Download XZ compressed source tarball</a>');
    expect(body).toContain(`href="${managerUrl}">Download Python install manager</a>`);
    expect(body).not.toContain('Download macOS:');
  });
});
