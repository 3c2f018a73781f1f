import { describe, expect, it } from 'vitest';
import type { CmsClient } from '../../../web/src/cms/client';
import type { PageDoc, RedirectDoc } from '../../../web/src/cms/types';
import { createPageService } from '../../../web/src/services/pageService';

const page: PageDoc = { id: 1, title: 'About', path: '/about/', contentHtml: '', description: null, keywords: null, updatedAt: null, status: 'published' };

const exact = (from: string, to: string, permanent: boolean): RedirectDoc => ({ from, to, permanent, match: 'exact', keepRest: false });

function clientWith(redirects: Record<string, RedirectDoc>, pages: Record<string, PageDoc>): CmsClient {
  const docs = Object.values(redirects);
  return {
    findRedirects: async (paths: readonly string[]) => docs.filter((doc) => doc.match === 'exact' && paths.includes(doc.from)),
    findRedirectRules: async () => docs.filter((doc) => doc.match !== 'exact'),
    findPageByPath: async (path: string) => pages[path] ?? null,
  } as unknown as CmsClient;
}

describe('pageService.resolve', () => {
  const service = createPageService(
    clientWith(
      { '/old/': exact('/old/', '/about/', true), '/about/': exact('/about/', '/x/', false) },
      { '/about/': page, '/old/': { ...page, path: '/old/' } },
    ),
  );

  it('prefers a CMS redirect over a page at the same path: 301 permanent, 302 otherwise', async () => {
    await expect(service.resolve('/old/')).resolves.toEqual({ kind: 'redirect', location: '/about/', status: 301 });
    await expect(service.resolve('/about/')).resolves.toEqual({ kind: 'redirect', location: '/x/', status: 302 });
  });

  it('serves a page at its path and 301s the path without its slash', async () => {
    const plain = createPageService(clientWith({}, { '/about/': page }));
    await expect(plain.resolve('/about/')).resolves.toMatchObject({ kind: 'page', page: { title: 'About' } });
    await expect(plain.resolve('/about')).resolves.toEqual({ kind: 'redirect', location: '/about/', status: 301 });
  });

  it('finds nothing for unknown paths and never looks pages up for invalid ones', async () => {
    const plain = createPageService(clientWith({}, { '/about/': page }));
    await expect(plain.resolve('/nope/')).resolves.toEqual({ kind: 'none' });
    await expect(plain.resolve('/About/')).resolves.toEqual({ kind: 'none' });
    await expect(plain.resolve('/a/../about/')).resolves.toEqual({ kind: 'none' });
  });

  it('refuses a long segment followed by an invalid character at once, without catastrophic backtracking', async () => {
    const plain = createPageService(clientWith({}, { '/about/': page }));
    const started = performance.now();
    await expect(plain.resolve(`/blogs/${'a'.repeat(5_000)}/x/\u00fcber/`)).resolves.toEqual({ kind: 'none' });
    await expect(plain.resolve(`/${'a'.repeat(5_000)}!`)).resolves.toEqual({ kind: 'none' });
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('finds a redirect with and without the trailing slash, the path as asked first', async () => {
    const both = createPageService(clientWith({ '/a': exact('/a', '/one/', true), '/a/': exact('/a/', '/two/', true), '/b': exact('/b', '/three/', false) }, {}));
    await expect(both.resolve('/a')).resolves.toEqual({ kind: 'redirect', location: '/one/', status: 301 });
    await expect(both.resolve('/a/')).resolves.toEqual({ kind: 'redirect', location: '/two/', status: 301 });
    await expect(both.resolve('/b/')).resolves.toEqual({ kind: 'redirect', location: '/three/', status: 302 });
  });

  it('answers gone for a redirect without a target', async () => {
    const gone = createPageService(clientWith({ '/gone/': exact('/gone/', '', true) }, { '/gone/': { ...page, path: '/gone/' } }));
    await expect(gone.resolve('/gone/')).resolves.toEqual({ kind: 'gone' });
    await expect(gone.redirectFor('/gone')).resolves.toEqual({ kind: 'gone' });
  });
});
