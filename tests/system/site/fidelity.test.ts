/**
 * issue 15 on the seeded stack, as a visitor reads it: python.org's legacy redirects as seeded
 * records, the calendar titled by its name, the specific-release list, /doc/versions/ and the
 * supernav panels.
 */
import { describe, expect, inject, it } from 'vitest';

const webUrl = inject('webUrl');
const publicCache = 'public, max-age=300';
const html = 'text/html; charset=utf-8';

async function page(path: string): Promise<string> {
  const response = await fetch(`${webUrl}${path}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(html);
  expect(response.headers.get('cache-control')).toBe(publicCache);
  return response.text();
}

describe('python.org fidelity on the seeded site', () => {
  it.each([
    ['/download/releases/3.14.7/', 301, '/downloads/release/python-3147/'],
    ['/news/', 302, '/blogs/'],
    ['/~guido/', 301, 'https://gvanrossum.github.io/'],
    ['/dev/peps/pep-0008/', 302, 'https://peps.python.org/pep-0008/'],
    ['/psf/codeofconduct/', 302, 'https://policies.python.org/python.org/code-of-conduct/'],
    ['/downloads/latest/python3.99/', 302, '/downloads/'],
  ])('GET %s answers %i to %s', async (path, status, location) => {
    const response = await fetch(`${webUrl}${path}`, { redirect: 'manual' });
    expect(response.status).toBe(status);
    expect(response.headers.get('location')).toMatch(new RegExp(`${location.replace(/[.?]/g, '\\$&')}$`));
    expect(response.headers.get('cache-control')).toBe(publicCache);
  });

  it('titles the calendar page by its name', async () => {
    const body = await page('/events/python-events/');
    expect(body).toContain('<h1>Python Events: upcoming events</h1>');
    expect(body).not.toContain('python-events: upcoming');
  });

  it('lists specific releases newest version first, final releases only', async () => {
    const body = await page('/downloads/');
    const list = body.slice(body.indexOf('Looking for a specific release?'));
    const names = [...list.matchAll(/<td><a href="[^"]+">(Python [^<]+)<\/a><\/td>/g)].map((m) => m[1] ?? '');
    expect(names[0]).toBe('Python 3.14.7');
    expect(names.some((name) => /\d(a|b|rc)\d/.test(name))).toBe(false);
  });

  it('shows /doc/versions/ with python.org\'s sections and without releases that have no docs', async () => {
    const body = await page('/doc/versions/');
    expect(body).toContain('<h2 id="in-development-versions">In development versions</h2>');
    expect(body).not.toContain('https://docs.python.org/release/2.5.6/');
  });

  it('shows the supernav boxes in the main menu\'s panels', async () => {
    const body = await page('/');
    expect(body).toContain('<li class="tier-2 super-navigation">');
    expect(body).toContain('Learn more about Python');
  });
});
