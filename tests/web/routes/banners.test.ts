/**
 * Which banner a visitor sees where, as python.org's templates: the first active banner not
 * for PSF pages only on the home and downloads pages, the first active banner of any kind on
 * PSF pages, none elsewhere. The real site service over a CMS answering from memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CmsClient } from '../../../web/src/cms/client';
import type { BannerDoc } from '../../../web/src/cms/types';
import { createSiteService } from '../../../web/src/services/siteService';
import { createFakeServices } from '../support/fakeServices';
import { startTestApp } from '../support/startTestApp';
import type { TestServer } from '../support/startTestServer';

const html = 'text/html; charset=utf-8';
const publicCache = 'public, max-age=300';

/** Banners in the CMS's order (oldest first). */
const banner = (title: string, psfPagesOnly: boolean): BannerDoc => ({ title, message: `${title} message`, link: '/psf/donations/', psfPagesOnly, startsAt: null, endsAt: null });
const pagePaths = new Set(['/psf/about/', '/about/', '/psf-landing/']);

function startWith(banners: readonly BannerDoc[]): Promise<TestServer> {
  const client = {
    findNavigationItems: async () => [],
    findActiveBanners: async () => banners,
    findBoxes: async () => [],
    findCodeSamples: async () => [],
  } as unknown as CmsClient;
  const base = createFakeServices();
  return startTestApp({
    ...base,
    site: createSiteService(client),
    pages: {
      ...base.pages,
      resolve: async (path) => (pagePaths.has(path) ? { kind: 'page', page: { title: 'A page', path, description: null, keywords: null, contentHtml: '<p>Text</p>', isDraft: false } } : { kind: 'none' }),
    },
  });
}

async function read(server: TestServer, path: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}${path}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(html);
  expect(response.headers.get('cache-control')).toBe(publicCache);
  return response.text();
}

describe('banners, as python.org', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startWith([banner('PSF drive', true), banner('PyCon tickets', false), banner('Later notice', false)]);
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(['/', '/downloads/'])('shows the first active non-PSF banner on %s', async (path) => {
    const body = await read(server, path);
    expect(body).toContain('PyCon tickets message');
    expect(body).not.toContain('PSF drive message');
    expect(body).not.toContain('Later notice message');
  });

  it.each(['/psf/about/', '/psf-landing/'])('shows the first active banner of any kind on the PSF page %s', async (path) => {
    const body = await read(server, path);
    expect(body).toContain('PSF drive message');
    expect(body).not.toContain('PyCon tickets message');
  });

  it.each(['/about/', '/downloads/windows/', '/events/'])('shows no banner on %s', async (path) => {
    const body = await read(server, path);
    expect(body).not.toContain('class="site-banner"');
  });

  it('shows no banner on the home page when only a PSF banner is active', async () => {
    const psfOnly = await startWith([banner('PSF drive', true)]);
    try {
      expect(await read(psfOnly, '/')).not.toContain('class="site-banner"');
      expect(await read(psfOnly, '/psf/about/')).toContain('PSF drive message');
    } finally {
      await psfOnly.close();
    }
  });
});
