/**
 * The downloads section against the running, seeded CMS and site: the OS buttons, the
 * active-releases table, release pages, the /downloads/latest/ redirects, and an unpublished
 * release that stays a 404 for visitors while an editor can preview it.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signInToCms, type CmsAdmin } from '../../support/cmsAdmin';
import { createPreviewToken } from '../../../collections/preview/previewToken';
import { openPreview } from '../../support/openPreview';

const webUrl = inject('webUrl');
const cmsUrl = inject('cmsUrl');
const publicCache = 'public, max-age=300';
const noCache = 'no-cache, no-store, must-revalidate';
const html = 'text/html; charset=utf-8';

describe('downloads pages on the seeded site', () => {
  let admin: CmsAdmin;
  let draftReleaseId: number | undefined;

  beforeAll(async () => {
    admin = await signInToCms(cmsUrl, inject('adminEmail'), inject('adminPassword'));
  });
  afterAll(async () => {
    if (draftReleaseId !== undefined) await admin.request('DELETE', `/api/releases/${draftReleaseId}`);
  });

  it('shows a download button for Windows, macOS and source, the cycles and the release list', async () => {
    const response = await fetch(`${webUrl}/downloads/`);
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe(publicCache);
    expect(response.headers.get('surrogate-key')).toContain('releases');
    for (const os of ['windows', 'macos', 'source']) expect(body).toContain(`download-os-${os}`);
    expect(body).toContain('Download Python 3.14.7');
    expect(body).toContain('href="/downloads/latest/python3.14/"');
    expect(body).toContain('href="/downloads/release/python-2718/"');
    // Newest first: 3.14.7 is listed before 3.14.6.
    expect(body.indexOf('Python 3.14.7</a>')).toBeLessThan(body.indexOf('Python 3.14.6</a>'));
  });

  it('lists the files of a release with their links and checksums columns', async () => {
    const response = await fetch(`${webUrl}/downloads/release/python-3147/`);
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(publicCache);
    expect(body).toContain('<h1>Python 3.14.7</h1>');
    expect(body).toContain('https://www.python.org/ftp/python/3.14.7/');
    expect(body).toContain('Full Changelog');
  });

  it('marks an end-of-life release and a superseded one', async () => {
    const body = await (await fetch(`${webUrl}/downloads/release/python-2718/`)).text();
    expect(body).toContain('has reached end-of-life');
    const older = await (await fetch(`${webUrl}/downloads/release/python-3146/`)).text();
    expect(older).toContain('superseded by <a href="/downloads/release/python-3147/">Python 3.14.7</a>');
  });

  it.each([
    ['/downloads/windows/', 'Python Releases for Windows'],
    ['/downloads/macos/', 'Python Releases for macOS'],
    ['/downloads/source/', 'Python Releases for Source release'],
    ['/downloads/operating-systems/', 'href="/downloads/windows/"'],
    ['/doc/versions/', 'https://docs.python.org/release/3.14.7/'],
  ])('serves %s', async (path, text) => {
    const response = await fetch(`${webUrl}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe(publicCache);
    expect(await response.text()).toContain(text);
  });

  it.each([
    ['/downloads/latest/python3/', '/downloads/release/python-3147/'],
    ['/downloads/latest/python2/', '/downloads/release/python-2718/'],
    ['/downloads/latest/python3.13/', '/downloads/release/python-31315/'],
    ['/downloads/latest/prerelease/', '/downloads/'],
  ])('redirects %s with a 302 to %s', async (path, location) => {
    const response = await fetch(`${webUrl}${path}`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('cache-control')).toBe(publicCache);
    expect(response.headers.get('location')).toMatch(new RegExp(`${location.replace(/[.]/g, '\\.')}$`));
  });

  it('keeps an unpublished release a 404 for visitors, and previews it for an editor', async () => {
    const created = await admin.request('POST', '/api/releases', {
      name: 'Python 3.99.0',
      version: 3,
      isPublished: false,
      releaseDate: '2030-01-01T00:00:00.000Z',
    });
    expect(created.status).toBe(201);
    const doc = (created.json as { doc: { id: number; slug: string } }).doc;
    draftReleaseId = doc.id;

    const hidden = await fetch(`${webUrl}/downloads/release/${doc.slug}/`);
    expect(hidden.status).toBe(404);
    expect(hidden.headers.get('cache-control')).toBe(noCache);
    expect(await (await fetch(`${webUrl}/downloads/`)).text()).not.toContain('Python 3.99.0');

    // The token the admin's preview button puts in the link (collections/preview/sitePreviewUrl).
    const preview = await openPreview(webUrl, `/preview/releases/${doc.id}/`, await createPreviewToken(inject('payloadSecret'), { userId: admin.userId, collection: 'releases', id: doc.id }));
    expect(preview.status).toBe(200);
    expect(preview.headers.get('cache-control')).toBe(noCache);
    expect(preview.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await preview.text()).toContain('<h1>Python 3.99.0</h1>');

    const anonymousPreview = await openPreview(webUrl, `/preview/releases/${doc.id}/`, 'not-a-valid-token');
    expect(anonymousPreview.status).toBe(404);
    // A CMS session token is not a preview token (issue 18: links used to carry it).
    expect((await openPreview(webUrl, `/preview/releases/${doc.id}/`, admin.token)).status).toBe(404);
  });
});
