/**
 * The job board's public pages with fake services: status, content type, Cache-Control and
 * surrogate keys; pages past the last and malformed page numbers are 404s; the feed; a job's
 * page with the poster's text escaped where it is text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../web/src/services/index';
import type { JobDetail, JobService } from '../../../web/src/services/jobService';
import { expectSecurityHeaders } from '../support/expectSecurityHeaders';
import { createFakeServices } from '../support/fakeServices';
import { startTestApp } from '../support/startTestApp';
import type { TestServer } from '../support/startTestServer';

const html = 'text/html; charset=utf-8';

const detail: JobDetail = {
  id: 12,
  path: '/jobs/12/',
  title: 'Senior <Python> developer',
  companyName: 'Example & Co',
  location: 'Lisbon, Portugal',
  locationPath: '/jobs/location/lisbon-portugal/',
  remote: true,
  types: 'Full Time',
  category: { name: 'Software Engineering', path: '/jobs/category/software-engineering/' },
  date: 'November 21, 2026',
  isoDate: '2026-11-21',
  isNew: true,
  descriptionHtml: '<p>Write <em>Python</em>.</p>',
  requirementsHtml: '<p>Python.</p>',
  companyDescriptionHtml: '',
  agencies: false,
  contactName: 'Ada',
  emailUser: 'jobs',
  emailDomain: 'example.org',
  url: 'https://example.org/jobs/',
};

function jobsWith(overrides: Partial<JobService>): Services {
  const base = createFakeServices().jobs;
  return createFakeServices({ jobs: { ...base, ...overrides } });
}

describe('the job board on the site', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function get(services: Services, path: string): Promise<{ response: Response; body: string }> {
    await server?.close();
    server = await startTestApp(services);
    const response = await fetch(`${server.baseUrl}${path}`);
    return { response, body: await response.text() };
  }

  it('lists the jobs, public and cached under the job keys', async () => {
    const services = jobsWith({
      list: async () => ({ heading: 'Python Jobs', jobs: [detail], total: 26, page: 1, pages: 2, previousPage: null, nextPage: 2 }),
    });
    const { response, body } = await get(services, '/jobs/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(html);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('surrogate-key')).toBe('jobs job-types job-categories sponsors sponsorships sponsorship-packages media navigation-items banners boxes');
    expectSecurityHeaders(response);
    expect(body).toContain('26 jobs on the Python Job Board');
    expect(body).toContain('<a href="/jobs/12/">Senior &lt;Python&gt; developer</a>, <span class="listing-company-name">Example &amp; Co</span>');
    expect(body).toContain('<a rel="next" href="/jobs/?page=2">Next</a>');
  });

  it('answers 404 for a page past the last and for page numbers that are not numbers', async () => {
    for (const path of ['/jobs/?page=2', '/jobs/?page=0', '/jobs/?page=abc', '/jobs/?page=-1', '/jobs/type/unknown/']) {
      const { response } = await get(createFakeServices(), path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toBe(html);
    }
  });

  it("shows a job's page with its sections, the address split for harvesters", async () => {
    const { response, body } = await get(jobsWith({ job: async (id) => (id === 12 ? detail : null) }), '/jobs/12/');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(body).toContain('<h2>Job Description</h2>');
    expect(body).toContain('<div class="job-description"><p>Write <em>Python</em>.</p></div>');
    expect(body).toContain('Telecommuting is allowed');
    expect(body).toContain('No agencies please');
    expect(body).toContain('<span class="email">jobs<span class="at"> (at) </span>example.org</span>');
    expect(body).not.toContain('jobs@example.org');
  });

  it('answers 404 for a job that is not listed', async () => {
    const { response, body } = await get(createFakeServices(), '/jobs/99/');
    expect(response.status).toBe(404);
    expect(body).toContain('There is no job listed at this address');
  });

  it('serves the RSS feed', async () => {
    const { response, body } = await get(jobsWith({ feed: async () => [detail] }), '/jobs/feed/rss/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(body).toContain('<title>Python.org Jobs Feed</title>');
    expect(body).toContain('<item><title>Senior &lt;Python&gt; developer, Example &amp; Co</title>');
  });

  it('serves the index pages', async () => {
    const services = jobsWith({
      taxonomyIndex: async (collection) => [{ name: collection === 'job-types' ? 'Full Time' : 'Data Science', path: '/jobs/x/', count: 2 }],
      locationIndex: async () => ({ remoteCount: 1, countries: [{ country: 'Portugal', places: [{ name: 'Lisbon', path: '/jobs/location/lisbon-portugal/', count: 2 }] }] }),
    });
    expect((await get(services, '/jobs/types/')).body).toContain('Full Time</a> (2)');
    expect((await get(services, '/jobs/categories/')).body).toContain('Data Science</a> (2)');
    const locations = await get(services, '/jobs/locations/');
    expect(locations.response.status).toBe(200);
    expect(locations.body).toContain('<h2>Portugal</h2>');
    expect(locations.body).toContain('<a href="/jobs/location/telecommute/">Remote (telecommute)</a> (1)');
  });
});
