/**
 * Markup rendered when saved (issue 16), against the running CMS and site: a page an editor saves
 * with reStructuredText shows exactly the HTML the old renderer (web/src/rendering, before the
 * move to lib/markup) gave it, now read from the page's stored `contentHtml`; a page past the
 * size limit is a 400 with a message, and nothing is saved.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { rawMarkupDocument } from '../../../seed/lexical/lexicalDocuments';
import { signInToCms, type CmsAdmin } from '../../support/cmsAdmin';

const webUrl = inject('webUrl');
const cmsUrl = inject('cmsUrl');
const restSource = readFileSync(new URL('../../fixtures/markup/restPage.rst', import.meta.url), 'utf8');
// Rendered by the renderer before the move (web/src/rendering at 72747ed) from restPage.rst.
const oldRendererHtml = readFileSync(new URL('../../fixtures/markup/restPage.html', import.meta.url), 'utf8');

describe('pages rendered when saved', () => {
  let admin: CmsAdmin;
  const cleanup: string[] = [];

  beforeAll(async () => {
    admin = await signInToCms(cmsUrl, inject('adminEmail'), inject('adminPassword'));
  });
  afterAll(async () => {
    for (const path of cleanup) await admin.request('DELETE', path);
  });

  it('shows a page saved with reST as the old renderer did', async () => {
    const path = `/community/rest-system-${Date.now()}/`;
    const created = await admin.request('POST', '/api/pages', { title: 'Python Conferences', path, content: rawMarkupDocument(restSource, 'restructuredtext'), _status: 'published' });
    expect(created.status).toBe(201);
    const doc = (created.json as { doc: { id: number; contentHtml: string; markupRulesVersion: number } }).doc;
    cleanup.push(`/api/pages/${doc.id}`);
    expect(doc.contentHtml).toBe(oldRendererHtml);
    const response = await fetch(`${webUrl}${path}`);
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(body).toContain(oldRendererHtml);
  });

  it('refuses a page past the size limit with a 400 that says so, and saves nothing', async () => {
    const path = `/community/too-large-${Date.now()}/`;
    const refused = await admin.request('POST', '/api/pages', { title: 'Too large', path, content: rawMarkupDocument('word '.repeat(350_000), 'restructuredtext'), _status: 'published' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.json)).toContain('at most 1.5 MB can be saved');
    const found = await admin.request('GET', `/api/pages?where[path][equals]=${encodeURIComponent(path)}&draft=true`);
    expect((found.json as { totalDocs: number }).totalDocs).toBe(0);
    expect((await fetch(`${webUrl}${path}`)).status).toBe(404);
  });
});
