import { describe, expect, it } from 'vitest';
import type { CmsClient } from '../../../web/src/cms/client';
import type { PageDoc, RedirectDoc } from '../../../web/src/cms/types';
import { createPageService } from '../../../web/src/services/pageService';

const page: PageDoc = { id: 1, title: 'About', path: '/about/', content: null, description: null, keywords: null, updatedAt: null, status: 'published' };

function clientWith(redirects: Record<string, RedirectDoc>, pages: Record<string, PageDoc>): CmsClient {
  return {
    findRedirect: async (from: string) => redirects[from] ?? null,
    findPageByPath: async (path: string) => pages[path] ?? null,
  } as unknown as CmsClient;
}

describe('pageService.resolve', () => {
  const service = createPageService(
    clientWith(
      { '/old/': { from: '/old/', to: '/about/', permanent: true }, '/about/': { from: '/about/', to: '/x/', permanent: false } },
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
});
