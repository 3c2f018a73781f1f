/**
 * The job board shaped for the site from a fake CMS client: lists with pages and filters, a
 * job's page with the poster's Markdown sanitised, the index pages, and unknown filters.
 */
import { describe, expect, it, vi } from 'vitest';
import type { CmsClient, JobFilter } from '../../../web/src/cms/client';
import type { JobDoc, JobTaxonDoc } from '../../../web/src/cms/types';
import { createJobService } from '../../../web/src/services/jobService';
import { markdownHtml } from '../../../lib/markup/storedMarkup';

const types: JobTaxonDoc[] = [
  { id: 1, name: 'Full Time', slug: 'full-time', active: true },
  { id: 2, name: 'Contract', slug: 'contract', active: true },
];
const categories: JobTaxonDoc[] = [
  { id: 7, name: 'Software Engineering', slug: 'software-engineering', active: true },
  { id: 8, name: 'Data Science', slug: 'data-science', active: true },
];

function job(id: number, overrides: Partial<JobDoc> = {}): JobDoc {
  const doc = {
    id,
    title: `Python developer ${id}`,
    companyName: 'Example Ltd',
    companyDescription: null,
    categoryId: 7,
    typeIds: [1],
    otherJobType: null,
    city: 'Lisbon',
    region: null,
    country: 'Portugal',
    locationSlug: 'lisbon-portugal',
    remote: false,
    agencies: true,
    description: 'Write *Python*.',
    requirements: 'Python.',
    contactName: null,
    email: 'jobs@example.org',
    url: 'https://example.org/jobs/',
    createdAt: '2026-11-20T10:00:00.000Z',
    approvedAt: '2026-11-21T10:00:00.000Z',
    ...overrides,
  };
  // The HTML the CMS renders from the Markdown when the job is saved (collections/Jobs).
  return { descriptionHtml: markdownHtml(doc.description), requirementsHtml: markdownHtml(doc.requirements), companyDescriptionHtml: markdownHtml(doc.companyDescription), ...doc };
}

function clientWith(jobs: readonly JobDoc[]) {
  const findVisibleJobs = vi.fn(async (filter: JobFilter & { page: number; perPage: number }) => {
    const matching = jobs.filter(
      (doc) =>
        (filter.typeId === undefined || doc.typeIds.includes(filter.typeId)) &&
        (filter.categoryId === undefined || doc.categoryId === filter.categoryId) &&
        (filter.locationSlug === undefined || doc.locationSlug === filter.locationSlug) &&
        (filter.remote !== true || doc.remote),
    );
    const start = (filter.page - 1) * filter.perPage;
    return { docs: matching.slice(start, start + filter.perPage), totalDocs: matching.length, page: filter.page, perPage: filter.perPage };
  });
  const client = {
    findJobTaxonomy: async (collection: string) => (collection === 'job-types' ? types : categories),
    findVisibleJobs,
    findVisibleJob: async (id: number) => jobs.find((doc) => doc.id === id) ?? null,
  } as unknown as CmsClient;
  return { client, findVisibleJobs };
}

const now = () => new Date('2026-12-04T12:00:00.000Z');

describe('jobService', () => {
  it('lists 25 jobs a page, with the total and the neighbouring pages, and no page past the last', async () => {
    const jobs = Array.from({ length: 30 }, (_, index) => job(index + 1));
    const service = createJobService(clientWith(jobs).client, now);
    const first = await service.list({ kind: 'all' }, 1);
    expect([first?.jobs.length, first?.total, first?.pages, first?.previousPage, first?.nextPage]).toEqual([25, 30, 2, null, 2]);
    const second = await service.list({ kind: 'all' }, 2);
    expect([second?.jobs.length, second?.previousPage, second?.nextPage]).toEqual([5, 1, null]);
    expect(await service.list({ kind: 'all' }, 3)).toBeNull();
  });

  it('shapes a summary: location, types with the other type, category link, New under 30 days', async () => {
    const service = createJobService(clientWith([job(1, { region: 'Lisboa', typeIds: [1, 2], otherJobType: 'Internship', remote: true }), job(2, { approvedAt: '2026-10-01T00:00:00.000Z' })]).client, now);
    const list = await service.list({ kind: 'all' }, 1);
    expect(list?.jobs[0]).toMatchObject({
      path: '/jobs/1/',
      location: 'Lisbon, Lisboa, Portugal',
      locationPath: '/jobs/location/lisbon-portugal/',
      types: 'Full Time, Contract, Internship',
      category: { name: 'Software Engineering', path: '/jobs/category/software-engineering/' },
      isoDate: '2026-11-21',
      isNew: true,
      remote: true,
    });
    expect(list?.jobs[1]?.isNew).toBe(false);
  });

  it('filters by type, category, place and remote, and answers null for an unknown type or category', async () => {
    const { client } = clientWith([job(1), job(2, { typeIds: [2], categoryId: 8, remote: true, locationSlug: 'berlin-germany', city: 'Berlin', country: 'Germany' })]);
    const service = createJobService(client, now);
    expect((await service.list({ kind: 'type', slug: 'contract' }, 1))?.jobs.map((item) => item.id)).toEqual([2]);
    expect((await service.list({ kind: 'category', slug: 'software-engineering' }, 1))?.jobs.map((item) => item.id)).toEqual([1]);
    expect((await service.list({ kind: 'remote' }, 1))?.jobs.map((item) => item.id)).toEqual([2]);
    const berlin = await service.list({ kind: 'location', slug: 'berlin-germany' }, 1);
    expect([berlin?.heading, berlin?.jobs.map((item) => item.id)]).toEqual(['Python Jobs in Berlin, Germany', [2]]);
    expect((await service.list({ kind: 'location', slug: 'nowhere' }, 1))?.jobs).toEqual([]);
    expect(await service.list({ kind: 'type', slug: 'unknown' }, 1)).toBeNull();
    expect(await service.list({ kind: 'category', slug: 'unknown' }, 1)).toBeNull();
  });

  it("renders the poster's Markdown without scripts, event handlers or javascript: links", async () => {
    const hostile = job(1, {
      description: 'Hello <script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3))',
      requirements: '<a href="javascript:alert(4)">x</a> **bold**',
      companyDescription: '<iframe src="https://evil.example/"></iframe>We make things.',
    });
    const detail = await createJobService(clientWith([hostile]).client, now).job(1);
    const html = `${detail?.descriptionHtml}${detail?.requirementsHtml}${detail?.companyDescriptionHtml}`;
    expect(html).not.toMatch(/<script|onerror|javascript:|<iframe/i);
    expect(detail?.requirementsHtml).toContain('<strong>bold</strong>');
    expect([detail?.emailUser, detail?.emailDomain]).toEqual(['jobs', 'example.org']);
  });

  it('indexes only the types, categories and places that have jobs', async () => {
    const service = createJobService(clientWith([job(1), job(2, { remote: true }), job(3, { city: 'Porto', locationSlug: 'porto-portugal' })]).client, now);
    expect(await service.taxonomyIndex('job-types')).toEqual([{ name: 'Full Time', path: '/jobs/type/full-time/', count: 3 }]);
    expect(await service.taxonomyIndex('job-categories')).toEqual([{ name: 'Software Engineering', path: '/jobs/category/software-engineering/', count: 3 }]);
    expect(await service.locationIndex()).toEqual({
      remoteCount: 1,
      countries: [{ country: 'Portugal', places: [{ name: 'Lisbon', path: '/jobs/location/lisbon-portugal/', count: 2 }, { name: 'Porto', path: '/jobs/location/porto-portugal/', count: 1 }] }],
    });
  });
});
