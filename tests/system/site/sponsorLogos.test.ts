/**
 * Sponsor logos on the seeded site (issue 17): the sample sponsor's logo, served by the CMS from
 * its public origin (CMS_PUBLIC_URL), is on /downloads/ and /psf/sponsors/, answers as an image,
 * and the renderer's Content-Security-Policy lets a real browser load it.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../support/launchChromium';

const webUrl = inject('webUrl');
const cmsPublicOrigin = new URL(inject('cmsPublicUrl')).origin;
const sampleSponsor = 'Example Cloud (sample)';

/** The src of the sample sponsor's logo in the given block of the page. */
function logoSource(body: string, blockClass: string, alt: string): string {
  const block = body.slice(body.indexOf(`class="${blockClass}"`));
  const match = new RegExp(`<img src="([^"]+)" alt="${alt.replace(/[()]/g, '\\$&')}"`).exec(block);
  if (match === null) throw new Error(`no logo with alt "${alt}" in .${blockClass}`);
  return match[1].replaceAll('&amp;', '&');
}

describe('sponsor logos on the seeded site', () => {
  let browser: LaunchedBrowser | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the sample sponsor\'s logo on /downloads/, an image from the CMS\'s public origin that the CSP admits', async () => {
    const response = await fetch(`${webUrl}/downloads/`);
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('surrogate-key')?.split(' ')).toEqual(expect.arrayContaining(['sponsors', 'sponsorships', 'sponsorship-packages', 'media']));
    expect(body).toContain('Visionary sponsors help to host Python downloads.');

    const logo = logoSource(body, 'download-sponsors', sampleSponsor);
    expect(new URL(logo).origin).toBe(cmsPublicOrigin);
    const imgSrc = (response.headers.get('content-security-policy') ?? '').split(';').map((part) => part.trim()).find((part) => part.startsWith('img-src '));
    expect(imgSrc?.split(/\s+/)).toContain(cmsPublicOrigin);

    const image = await fetch(logo);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toMatch(/^image\//);
    expect((await image.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it.each([
    ['/downloads/', 'download-sponsors'],
    ['/psf/sponsors/', 'sponsor-grid'],
  ])('Chromium loads the logos of %s without a CSP violation', async (path, blockClass) => {
    const page = await browser!.context.newPage();
    try {
      const consoleViolations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) consoleViolations.push(message.text());
      });
      // Injected by the browser itself (CDP), not by the page: the CSP does not apply to it.
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { cspViolations: string[] }).cspViolations = seen;
        document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
      });
      await page.goto(`${webUrl}${path}`);
      const logo = page.locator(`.${blockClass} img[alt="${sampleSponsor}"]`).first();
      // The logos are loading="lazy": bring it into view so the browser fetches it.
      await logo.scrollIntoViewIfNeeded();
      await page.waitForFunction(
        (alt) => [...document.querySelectorAll('img')].some((img) => img.alt === alt && img.complete && img.naturalWidth > 0),
        sampleSponsor,
        { timeout: 15_000 },
      );
      const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
      expect(violations).toEqual([]);
      expect(consoleViolations).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
