/**
 * PSF sponsors on the site with fake services (issue 17): /psf/sponsors/ by level, each level's
 * logos at its size and anchored by the sponsor's slug, and the downloads page's sponsor block,
 * with their cache headers and the sponsorship surrogate keys the CMS purges; CMS text escaped.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../web/src/services/index';
import type { SponsorLevel, SponsorLogo } from '../../../web/src/services/sponsorService';
import { expectSecurityHeaders } from '../support/expectSecurityHeaders';
import { createFakeServices, testConfig } from '../support/fakeServices';
import { startTestApp } from '../support/startTestApp';
import type { TestServer } from '../support/startTestServer';

// Logos come from the CMS's public origin (the logo placement API's absolute media URLs).
const media = testConfig.mediaOrigin;
const cloud: SponsorLogo = { name: 'Example Cloud', slug: 'example-cloud', description: 'Clouds.', logo: `${media}/api/media/file/cloud.png`, url: 'https://example.com/cloud' };
const data: SponsorLogo = { name: 'Data Co', slug: 'data-co', description: '', logo: `${media}/api/media/file/data.png`, url: null };
const levels: SponsorLevel[] = [
  { name: 'Visionary', logoDimension: 300, sponsors: [cloud] },
  { name: 'Maintaining', logoDimension: 225, sponsors: [data] },
];

function withSponsors(sponsorLevels: readonly SponsorLevel[], downloads: readonly SponsorLogo[] = [], jobs: readonly SponsorLogo[] = []): Services {
  return createFakeServices({ sponsors: { sponsorLevels: async () => sponsorLevels, downloadSponsors: async () => downloads, jobSponsors: async () => jobs } });
}

/** The CSP's img-src, which must admit the CMS's media origin or the browser blocks every logo. */
function imageSources(response: Response): string[] {
  const directive = (response.headers.get('content-security-policy') ?? '').split(';').map((part) => part.trim()).find((part) => part.startsWith('img-src '));
  return directive?.split(/\s+/).slice(1) ?? [];
}

describe('PSF sponsors on the site', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function get(services: Services, path: string): Promise<{ response: Response; body: string }> {
    server = await startTestApp(services);
    const response = await fetch(`${server.baseUrl}${path}`);
    return { response, body: await response.text() };
  }

  it('lists the sponsors by level at /psf/sponsors/, each level\'s logos at its size, public and purged by the sponsorship keys', async () => {
    const { response, body } = await get(withSponsors(levels), '/psf/sponsors/');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('surrogate-key')).toBe('sponsors sponsorships sponsorship-packages media navigation-items banners boxes');
    expectSecurityHeaders(response);
    expect([...body.matchAll(/<h2>([^<]+)<\/h2>/g)].map((match) => match[1])).toEqual(['Visionary Sponsors', 'Maintaining Sponsors']);
    expect(body).toContain(`<figure class="sponsor" id="example-cloud"><a href="https://example.com/cloud" rel="sponsored noopener"><img src="${media}/api/media/file/cloud.png" alt="Example Cloud" width="300" height="300" loading="lazy"></a>`);
    // Without a landing page the logo is not a link.
    expect(body).toContain(`<figure class="sponsor" id="data-co"><img src="${media}/api/media/file/data.png" alt="Data Co" width="225" height="225" loading="lazy">`);
    expect(imageSources(response)).toEqual(["'self'", 'data:', new URL(cloud.logo).origin]);
  });

  it('says so when no sponsor is listed', async () => {
    const { response, body } = await get(withSponsors([]), '/psf/sponsors/');
    expect(response.status).toBe(200);
    expect(body).toContain('No sponsors are listed right now.');
  });

  it('escapes what the CMS says about a sponsor', async () => {
    const hostile: SponsorLogo = { ...cloud, name: 'Evil <script>alert(1)</script>', slug: 'x" onmouseover="alert(1)' };
    const { body } = await get(withSponsors([{ name: '<b>Level</b>', logoDimension: 175, sponsors: [hostile] }]), '/psf/sponsors/');
    expect(body).not.toContain('<script>alert(1)</script>');
    expect(body).not.toContain('<b>Level</b>');
    expect(body).toContain('Evil &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).toContain('id="x&quot; onmouseover=&quot;alert(1)"');
  });

  it('leaves the block out of /downloads/ when no sponsor has the placement', async () => {
    const { body } = await get(withSponsors([], []), '/downloads/');
    expect(body).not.toContain('download-sponsors');
  });

  it('shows the download flight\'s logos on /downloads/ at 150 px, admitted by the CSP and purged by the sponsorship keys', async () => {
    const { response, body } = await get(withSponsors([], [cloud, data]), '/downloads/');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('surrogate-key')?.split(' ')).toEqual(expect.arrayContaining(['releases', 'sponsors', 'sponsorships', 'sponsorship-packages', 'media']));
    expectSecurityHeaders(response);
    expect(imageSources(response)).toContain(new URL(cloud.logo).origin);
    expect(body).toContain('<section class="download-sponsors">');
    expect(body).toContain('Visionary sponsors help to host Python downloads.');
    expect(body).toContain(`<a href="https://example.com/cloud" rel="sponsored noopener"><img src="${media}/api/media/file/cloud.png" alt="Example Cloud" width="150" height="150" loading="lazy"></a>`);
    expect(body).toContain(`<img src="${media}/api/media/file/data.png" alt="Data Co" width="150" height="150" loading="lazy">`);
  });

  it.each(['/jobs/', '/jobs/types/', '/jobs/categories/', '/jobs/locations/'])('shows the jobs flight\'s logos in the sidebar of %s, purged by the sponsorship keys', async (path) => {
    const { response, body } = await get(withSponsors([], [], [data]), path);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('surrogate-key')?.split(' ')).toEqual(expect.arrayContaining(['jobs', 'sponsors', 'sponsorships', 'sponsorship-packages', 'media']));
    expectSecurityHeaders(response);
    expect(body).toContain('<h2>Job Board Sponsors</h2>');
    expect(body).toContain(`<img src="${media}/api/media/file/data.png" alt="Data Co logo" width="100" height="100" loading="lazy">`);
  });

  it('leaves the sidebar out of the job pages when no sponsor has the placement', async () => {
    const { response, body } = await get(withSponsors([], [], []), '/jobs/');
    expect(response.status).toBe(200);
    expect(body).not.toContain('Job Board Sponsors');
  });
});
