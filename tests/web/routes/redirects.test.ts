/**
 * Old python.org addresses read as a visitor reads them: the app with the real page service
 * over a CMS holding the seeded redirect records (python.org's nginx rules as data) plus a few
 * editor-made ones. Status, Location, content type and Cache-Control for each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CmsClient } from '../../../web/src/cms/client';
import type { PageDoc, RedirectDoc } from '../../../web/src/cms/types';
import { createPageService } from '../../../web/src/services/pageService';
import { LEGACY_REDIRECT_RULES } from '../../../seed/samples/legacyRedirectRules';
import { createFakeServices } from '../support/fakeServices';
import { startTestApp } from '../support/startTestApp';
import type { TestServer } from '../support/startTestServer';

const html = 'text/html; charset=utf-8';
const publicCache = 'public, max-age=300';
const noCache = 'no-cache, no-store, must-revalidate';

const seeded: RedirectDoc[] = LEGACY_REDIRECT_RULES.map((rule) => ({ ...rule, keepRest: rule.keepRest ?? false }));
const editorMade: RedirectDoc[] = [
  { from: '/events/python-events/123/', to: '/events/python-events/7/', permanent: true, match: 'exact', keepRest: false },
  { from: '/success-stories/old-story', to: '/success-stories/new-story/', permanent: true, match: 'exact', keepRest: false },
  { from: '/downloads/release/python-3140b9/', to: '/downloads/release/python-3140/', permanent: false, match: 'exact', keepRest: false },
  { from: '/about/retired/', to: '', permanent: true, match: 'exact', keepRest: false },
  { from: '/about/shadowed/', to: '/about/', permanent: true, match: 'exact', keepRest: false },
];
const pages: Record<string, PageDoc> = {
  '/news/security/': { id: 1, title: 'Security', path: '/news/security/', contentHtml: '', description: null, keywords: null, updatedAt: null, status: 'published' },
  '/about/shadowed/': { id: 2, title: 'Shadowed', path: '/about/shadowed/', contentHtml: '', description: null, keywords: null, updatedAt: null, status: 'published' },
};
const redirects = [...seeded, ...editorMade];
const client = {
  findRedirects: async (paths: readonly string[]) => redirects.filter((doc) => doc.match === 'exact' && paths.includes(doc.from)),
  findRedirectRules: async () => redirects.filter((doc) => doc.match !== 'exact'),
  findPageByPath: async (path: string) => pages[path] ?? null,
} as unknown as CmsClient;

describe('redirects, as python.org', () => {
  let server: TestServer;
  beforeAll(async () => {
    const base = createFakeServices();
    server = await startTestApp({ ...base, pages: { ...createPageService(client), publishedPaths: async () => [] } });
  });
  afterAll(async () => {
    await server.close();
  });

  const get = (path: string) => fetch(`${server.baseUrl}${path}`, { redirect: 'manual' });

  it.each([
    // python.org's nginx prefix rules
    ['/~guido', 301, 'https://gvanrossum.github.io/'],
    ['/~guido/images/guido.jpg', 301, 'https://gvanrossum.github.io/images/guido.jpg'],
    ['/~barry', 301, 'http://barry.warsaw.us/'],
    ['/pypi', 301, 'https://pypi.python.org/pypi'],
    ['/pypi/requests/2.0?format=json', 301, 'https://pypi.python.org/pypi/requests/2.0?format=json'],
    ['/dev/peps/', 302, 'https://peps.python.org/'],
    ['/dev/peps/pep-0008/', 302, 'https://peps.python.org/pep-0008/'],
    ['/dev/peps/peps.rss/', 301, 'https://peps.python.org/peps.rss/'],
    ['/peps/pep-0008.html', 302, 'https://peps.python.org/'],
    ['/news/', 302, '/blogs/'],
    ['/news', 302, '/blogs/'],
    ['/blog/2019/some-post/', 301, '/blogs/'],
    ['/psf/codeofconduct/', 302, 'https://policies.python.org/python.org/code-of-conduct/'],
    ['/psf/codeofconduct', 302, 'https://policies.python.org/python.org/code-of-conduct/'],
    ['/psf/conduct/reporting/', 302, 'https://policies.python.org/python.org/code-of-conduct/Procedures-for-Reporting-Incidents/'],
    ['/doc/faq/windows/', 301, 'https://docs.python.org/faq/windows'],
    ['/doc/faq/windows/index.html', 301, 'https://docs.python.org/faq/windows'],
    ['/mailman/listinfo/python-dev', 301, 'https://mail.python.org/mailman/listinfo/python-dev'],
    ['/pipermail/python-dev/2010-May/', 301, 'https://mail.python.org/pipermail/python-dev/2010-May/'],
    ['/sf/1234', 302, 'https://bugs.python.org/issue1234'],
    ['/security', 301, '/news/security/'],
    ['/Help.html', 301, '/about/help/'],
    ['/windows/', 301, '/downloads/windows/'],
    ['/newjobs/123/', 301, '/jobs/123/'],
    ['/consortium', 301, '/psf/'],
    // python.org's code: an old release address goes to the release page
    ['/download/releases/3.12.0/', 301, '/downloads/release/python-3120/'],
    ['/download/releases/2.7.18/', 301, '/downloads/release/python-2718/'],
    // an editor's exact records, with and without the trailing slash; a record beats a page
    ['/success-stories/old-story/', 301, '/success-stories/new-story/'],
    ['/about/shadowed/', 301, '/about/'],
    // 404s raised by app routes consult the table too
    ['/events/python-events/123/', 301, '/events/python-events/7/'],
    ['/downloads/release/python-3140b9/', 302, '/downloads/release/python-3140/'],
  ])('GET %s answers %i to %s', async (path, status, location) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    expect(response.headers.get('location')).toBe(location);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe(publicCache);
    expect(response.headers.get('surrogate-key')).toBe('redirects pages');
  });

  it.each(['/about/retired/', '/about/retired'])('answers 410 Gone for %s, a record without a target', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(410);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe(publicCache);
    expect(await response.text()).toContain('<h1>Page removed</h1>');
  });

  it.each(['/news/security/'])('keeps the page at %s that a broader python.org rule would swallow', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe(publicCache);
  });

  it.each(['/download/releases/2.7/', '/download/releases/3.12.0/notes/', '/events/python-events/124/', '/nothing-here/'])('leaves %s a 404', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe(noCache);
  });
});
