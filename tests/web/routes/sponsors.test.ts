/**
 * PSF sponsors on the site with fake services (issue 17): /psf/sponsors/ by level, each level's
 * logos at its size and anchored by the sponsor's slug, and the downloads page's sponsor block,
 * with their cache headers and the sponsorship surrogate keys the CMS purges; CMS text escaped.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../web/src/services/index';
import type { SponsorLevel, SponsorLogo } from '../../../web/src/services/sponsorService';
import { expectSecurityHeaders } from '../support/expectSecurityHeaders';
import { createFakeServices } from '../support/fakeServices';
import { startTestApp } from '../support/startTestApp';
import type { TestServer } from '../support/startTestServer';

const cloud: SponsorLogo = { name: 'Example Cloud', slug: 'example-cloud', description: 'Clouds.', logo: 'https://cms.example.org/api/media/file/cloud.png', url: 'https://example.com/cloud' };
const data: SponsorLogo = { name: 'Data Co', slug: 'data-co', description: '', logo: 'https://cms.example.org/api/media/file/data.png', url: null };
const levels: SponsorLevel[] = [
  { name: 'Visionary', logoDimension: 300, sponsors: [cloud] },
  { name: 'Maintaining', logoDimension: 225, sponsors: [data] },
];

function withSponsors(sponsorLevels: readonly SponsorLevel[], downloads: readonly SponsorLogo[] = []): Services {
  return createFakeServices({ sponsors: { sponsorLevels: async () => sponsorLevels, downloadSponsors: async () => downloads } });
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
    expect(body).toContain('<figure class="sponsor" id="example-cloud"><a href="https://example.com/cloud" rel="sponsored noopener"><img src="https://cms.example.org/api/media/file/cloud.png" alt="Example Cloud" width="300" height="300" loading="lazy"></a>');
    // Without a landing page the logo is not a link.
    expect(body).toContain('<figure class="sponsor" id="data-co"><img src="https://cms.example.org/api/media/file/data.png" alt="Data Co" width="225" height="225" loading="lazy">');
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
});
