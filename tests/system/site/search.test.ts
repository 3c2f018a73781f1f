/**
 * Site search on the seeded site, through the real CMS (Postgres full-text search, the default
 * backend) and the renderer: the "done when" (`/search/?q=pyhton+relase` lists Python
 * releases, `/api/search?q=pyhton` has hits), and an edit searchable as soon as it is saved.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signInToCms, type CmsAdmin } from '../../support/cmsAdmin';

const webUrl = inject('webUrl');
const cmsUrl = inject('cmsUrl');
const noCache = 'no-cache, no-store, must-revalidate';
const html = 'text/html; charset=utf-8';

type SearchBody = { total: number; facets: Record<string, number>; hits: { type: string; title: string; url: string; highlightedTitle: string }[] };

describe('search on the seeded site', () => {
  let admin: CmsAdmin;
  let publishedReleases: number;
  const cleanup: string[] = [];

  beforeAll(async () => {
    admin = await signInToCms(cmsUrl, inject('adminEmail'), inject('adminPassword'));
    const releases = await fetch(`${cmsUrl}/api/releases?where[isPublished][equals]=true&limit=1&depth=0`);
    publishedReleases = ((await releases.json()) as { totalDocs: number }).totalDocs;
  });
  afterAll(async () => {
    for (const path of cleanup) await admin.request('DELETE', path);
  });

  it('/api/search?q=pyhton has hits, every published release among them', async () => {
    const response = await fetch(`${cmsUrl}/api/search?q=pyhton`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as SearchBody;
    expect(publishedReleases).toBeGreaterThan(200);
    expect(body.facets.releases).toBe(publishedReleases);
    expect(body.total).toBeGreaterThan(publishedReleases);
    expect(body.hits).toHaveLength(20);
  });

  it('/search/?q=pyhton+relase lists Python releases with highlights, facets and pages, uncached', async () => {
    const response = await fetch(`${webUrl}/search/?q=pyhton+relase`);
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe(noCache);
    expect(response.headers.get('x-cache')).toBeNull();
    const releaseLinks = [...body.matchAll(/<a href="\/downloads\/release\/(python-[0-9a-z]+)\/"><mark>Python<\/mark> 3\.[0-9.a-z]+<\/a>/g)];
    expect(releaseLinks.length).toBeGreaterThanOrEqual(15);
    expect(body).toContain(`Releases <span class="search-facets__count">(${publishedReleases})</span>`);
    expect(body).toContain('<a href="/search/?q=pyhton+relase&amp;page=2" rel="next">Next</a>');
    const link = releaseLinks[0]?.[1];
    const release = await fetch(`${webUrl}/downloads/release/${link}/`);
    expect(release.status).toBe(200);
  });

  it('refuses an unknown type with a 400 page that says why', async () => {
    const response = await fetch(`${webUrl}/search/?q=python&type=news`);
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe(noCache);
    expect(await response.text()).toContain('type must be one of pages, releases, events, success-stories, minutes, jobs; got &quot;news&quot;.');
  });

  it('finds a page as soon as it is published, and no longer once it is deleted', async () => {
    const created = await admin.request('POST', '/api/pages', { title: 'Quetzalcoatl sprint notes', path: '/system-test/quetzalcoatl/', _status: 'published' });
    expect(created.status).toBe(201);
    const path = `/api/pages/${(created.json as { doc: { id: number } }).doc.id}`;
    cleanup.push(path);
    const found = await fetch(`${webUrl}/search/?q=quetzalcoatl`);
    expect(await found.text()).toContain('<a href="/system-test/quetzalcoatl/"><mark>Quetzalcoatl</mark> sprint notes</a>');
    expect((await admin.request('DELETE', path)).status).toBe(200);
    cleanup.pop();
    const gone = (await (await fetch(`${cmsUrl}/api/search?q=quetzalcoatl`)).json()) as SearchBody;
    expect(gone.total).toBe(0);
  });
});
