/**
 * The main menu's panels read as a visitor reads them: each shows python.org's supernav box for
 * its section, sanitised, under the section's own links. The real site service over a CMS
 * answering from memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CmsClient } from '../../../web/src/cms/client';
import type { BoxDoc, NavigationItemDoc } from '../../../web/src/cms/types';
import { createSiteService } from '../../../web/src/services/siteService';
import { createFakeServices } from '../support/fakeServices';
import { startTestApp } from '../support/startTestApp';
import type { TestServer } from '../support/startTestServer';
import { boxHtml } from '../../../lib/markup/storedMarkup';

const item = (id: number, title: string, url: string, parentId: number | null, alias: string | null = null): NavigationItemDoc =>
  ({ id, title, url, parentId, alias, hint: null, order: id, hidden: false, inMenu: true, inBreadcrumbs: true });
const box = (label: string, content: string): BoxDoc => ({ label, content, markupType: 'html', contentHtml: boxHtml(content, 'html') });

const items = [
  item(1, 'Python', '/', null, 'python-meta'),
  item(2, 'About', '/about/', 1),
  item(3, 'Applications', '/about/apps/', 2),
  item(4, 'Success Stories', '/success-stories/', 1),
];
const boxes = [
  box('supernav-python-about', '<li class="tier-2 super-navigation"><h4>Python is a programming language</h4><script>alert(1)</script></li>'),
  box('supernav-python-success-stories', '<li class="tier-2 super-navigation"><blockquote class="success-quote">It works.</blockquote></li>'),
  box('widget-other', '<p>not a panel</p>'),
];

describe('supernav panels, as python.org', () => {
  let server: TestServer;
  beforeAll(async () => {
    const client = {
      findNavigationItems: async () => items,
      findActiveBanners: async () => [],
      findBoxes: async (labels: readonly string[]) => boxes.filter((candidate) => labels.includes(candidate.label)),
      findCodeSamples: async () => [],
    } as unknown as CmsClient;
    server = await startTestApp({ ...createFakeServices(), site: createSiteService(client) });
  });
  afterAll(async () => {
    await server.close();
  });

  it('shows each section\'s supernav box in its menu panel, sanitised, on every page, purged with the boxes', async () => {
    const response = await fetch(`${server.baseUrl}/downloads/`);
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('surrogate-key')).toContain('boxes');
    const about = body.slice(body.indexOf('>About</a>'), body.indexOf('>Success Stories</a>'));
    expect(about).toContain('<li><a href="/about/apps/">Applications</a></li><li class="tier-2 super-navigation"><h4>Python is a programming language</h4></li>');
    const stories = body.slice(body.indexOf('>Success Stories</a>'));
    expect(stories).toMatch(/<ul class="subnav">\s*<li class="tier-2 super-navigation"><blockquote class="success-quote">It works.<\/blockquote><\/li>/);
    expect(body).not.toContain('alert(1)');
    expect(body).not.toContain('not a panel');
  });
});
