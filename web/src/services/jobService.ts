/**
 * The job board as visitors see it (python.org's /jobs/): approved, unexpired jobs, newest
 * first, 25 a page; by type, category, place or remote only; the index pages of those filters;
 * one job; the RSS feed's newest 20. The CMS decides what is visible; this shapes it, and renders
 * the posters' Markdown through the sanitiser that guards every visitor-written text.
 */
import type { CmsClient, JobFilter } from '../cms/client';
import type { JobDoc, JobTaxonDoc } from '../cms/types';
import { formatDay, isoDay } from './formatting';

export const jobsPerPage = 25;
/** The feed's length on python.org. */
export const jobsFeedLength = 20;
/** The index pages read every visible job at once; more than the board has ever listed. */
const maxVisibleJobs = 1000;
/** python.org's "New" badge: posted under 30 days ago. */
const newForDays = 30;

export interface JobLink {
  readonly name: string;
  readonly path: string;
}

export interface JobSummary {
  readonly id: number;
  readonly path: string;
  readonly title: string;
  readonly companyName: string;
  readonly location: string;
  readonly locationPath: string | null;
  readonly remote: boolean;
  /** Type names, then the "other" type, comma separated. */
  readonly types: string;
  readonly category: JobLink | null;
  readonly date: string;
  readonly isoDate: string;
  readonly isNew: boolean;
}

export interface JobDetail extends JobSummary {
  readonly descriptionHtml: string;
  readonly requirementsHtml: string;
  readonly companyDescriptionHtml: string;
  readonly agencies: boolean;
  readonly contactName: string | null;
  /** The address in two halves: the page writes them apart so harvesters do not read it whole. */
  readonly emailUser: string;
  readonly emailDomain: string;
  readonly url: string;
}

export interface JobList {
  readonly heading: string;
  readonly jobs: readonly JobSummary[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
  readonly previousPage: number | null;
  readonly nextPage: number | null;
}

export interface JobPlace {
  readonly name: string;
  readonly path: string;
  readonly count: number;
}

export interface JobCountry {
  readonly country: string;
  readonly places: readonly JobPlace[];
}

export type JobListRequest =
  | { readonly kind: 'all' }
  | { readonly kind: 'type'; readonly slug: string }
  | { readonly kind: 'category'; readonly slug: string }
  | { readonly kind: 'location'; readonly slug: string }
  | { readonly kind: 'remote' };

export interface JobService {
  /** null for an unknown type or category, or a page past the last. */
  list(request: JobListRequest, page: number): Promise<JobList | null>;
  job(id: number): Promise<JobDetail | null>;
  /** Types or categories with at least one visible job, with their counts. */
  taxonomyIndex(collection: 'job-types' | 'job-categories'): Promise<readonly (JobLink & { readonly count: number })[]>;
  locationIndex(): Promise<{ readonly remoteCount: number; readonly countries: readonly JobCountry[] }>;
  feed(): Promise<readonly JobDetail[]>;
  /** Any job as its page shows it (the submitter's preview, the review queue): the same shaping and sanitiser as the public page. */
  describe(doc: JobDoc): Promise<JobDetail>;
  /** The types and categories a new posting may choose (active ones), by name. */
  choices(): Promise<{ readonly types: readonly JobTaxonDoc[]; readonly categories: readonly JobTaxonDoc[] }>;
}

function locationOf(doc: JobDoc): string {
  return [doc.city, doc.region, doc.country].filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(', ');
}

export function createJobService(client: CmsClient, now: () => Date = () => new Date()): JobService {
  async function taxonomy(collection: 'job-types' | 'job-categories'): Promise<Map<number, JobTaxonDoc>> {
    return new Map((await client.findJobTaxonomy(collection)).map((taxon) => [taxon.id, taxon]));
  }

  function summarise(doc: JobDoc, types: Map<number, JobTaxonDoc>, categories: Map<number, JobTaxonDoc>): JobSummary {
    const category = doc.categoryId === null ? undefined : categories.get(doc.categoryId);
    const typeNames = doc.typeIds.map((id) => types.get(id)?.name).filter((name): name is string => name !== undefined);
    if (doc.otherJobType) typeNames.push(doc.otherJobType);
    const posted = doc.approvedAt ?? doc.createdAt;
    return {
      id: doc.id,
      path: `/jobs/${doc.id}/`,
      title: doc.title,
      companyName: doc.companyName,
      location: locationOf(doc),
      locationPath: doc.locationSlug ? `/jobs/location/${encodeURIComponent(doc.locationSlug)}/` : null,
      remote: doc.remote,
      types: typeNames.join(', '),
      category: category === undefined ? null : { name: category.name, path: `/jobs/category/${encodeURIComponent(category.slug)}/` },
      date: formatDay(posted),
      isoDate: isoDay(posted),
      isNew: now().getTime() - new Date(posted).getTime() < newForDays * 24 * 60 * 60 * 1000,
    };
  }

  function detail(doc: JobDoc, types: Map<number, JobTaxonDoc>, categories: Map<number, JobTaxonDoc>): JobDetail {
    const at = doc.email.lastIndexOf('@');
    return {
      ...summarise(doc, types, categories),
      descriptionHtml: doc.descriptionHtml,
      requirementsHtml: doc.requirementsHtml,
      companyDescriptionHtml: doc.companyDescriptionHtml,
      agencies: doc.agencies,
      contactName: doc.contactName,
      emailUser: at === -1 ? doc.email : doc.email.slice(0, at),
      emailDomain: at === -1 ? '' : doc.email.slice(at + 1),
      url: doc.url,
    };
  }

  async function filterFor(request: JobListRequest, types: Map<number, JobTaxonDoc>, categories: Map<number, JobTaxonDoc>): Promise<{ filter: JobFilter; heading: string } | null> {
    switch (request.kind) {
      case 'all':
        return { filter: {}, heading: 'Python Jobs' };
      case 'remote':
        return { filter: { remote: true }, heading: 'Python Jobs: remote (telecommute)' };
      case 'location':
        return { filter: { locationSlug: request.slug }, heading: 'Python Jobs by location' };
      case 'type': {
        const type = [...types.values()].find((taxon) => taxon.slug === request.slug);
        return type === undefined ? null : { filter: { typeId: type.id }, heading: `Python Jobs: ${type.name}` };
      }
      case 'category': {
        const category = [...categories.values()].find((taxon) => taxon.slug === request.slug);
        return category === undefined ? null : { filter: { categoryId: category.id }, heading: `Python Jobs: ${category.name}` };
      }
    }
  }

  async function allVisible(): Promise<readonly JobDoc[]> {
    return (await client.findVisibleJobs({ page: 1, perPage: maxVisibleJobs })).docs;
  }

  return {
    async list(request, page) {
      const [types, categories] = await Promise.all([taxonomy('job-types'), taxonomy('job-categories')]);
      const chosen = await filterFor(request, types, categories);
      if (chosen === null) return null;
      const found = await client.findVisibleJobs({ ...chosen.filter, page, perPage: jobsPerPage });
      const pages = Math.max(1, Math.ceil(found.totalDocs / jobsPerPage));
      if (page > pages) return null;
      const jobs = found.docs.map((doc) => summarise(doc, types, categories));
      // A place's heading names it, from the jobs listed there.
      const heading = request.kind === 'location' && jobs[0] !== undefined ? `Python Jobs in ${jobs[0].location}` : chosen.heading;
      return { heading, jobs, total: found.totalDocs, page, pages, previousPage: page > 1 ? page - 1 : null, nextPage: page < pages ? page + 1 : null };
    },

    async job(id) {
      const doc = await client.findVisibleJob(id);
      if (doc === null) return null;
      const [types, categories] = await Promise.all([taxonomy('job-types'), taxonomy('job-categories')]);
      return detail(doc, types, categories);
    },

    async taxonomyIndex(collection) {
      const [taxa, jobs] = await Promise.all([taxonomy(collection), allVisible()]);
      const counts = new Map<number, number>();
      for (const job of jobs) {
        const ids = collection === 'job-types' ? job.typeIds : job.categoryId === null ? [] : [job.categoryId];
        for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      const segment = collection === 'job-types' ? 'type' : 'category';
      return [...taxa.values()]
        .filter((taxon) => (counts.get(taxon.id) ?? 0) > 0)
        .map((taxon) => ({ name: taxon.name, path: `/jobs/${segment}/${encodeURIComponent(taxon.slug)}/`, count: counts.get(taxon.id) ?? 0 }));
    },

    async locationIndex() {
      const jobs = await allVisible();
      const countries = new Map<string, Map<string, { name: string; count: number }>>();
      for (const job of jobs) {
        if (!job.locationSlug) continue;
        const places = countries.get(job.country) ?? new Map<string, { name: string; count: number }>();
        const place = places.get(job.locationSlug) ?? { name: [job.city, job.region].filter(Boolean).join(', '), count: 0 };
        place.count += 1;
        places.set(job.locationSlug, place);
        countries.set(job.country, places);
      }
      return {
        remoteCount: jobs.filter((job) => job.remote).length,
        countries: [...countries.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([country, places]) => ({
            country,
            places: [...places.entries()]
              .sort(([, a], [, b]) => a.name.localeCompare(b.name))
              .map(([slug, place]) => ({ name: place.name, path: `/jobs/location/${encodeURIComponent(slug)}/`, count: place.count })),
          })),
      };
    },

    async describe(doc) {
      const [types, categories] = await Promise.all([taxonomy('job-types'), taxonomy('job-categories')]);
      return detail(doc, types, categories);
    },

    async choices() {
      const [types, categories] = await Promise.all([taxonomy('job-types'), taxonomy('job-categories')]);
      return { types: [...types.values()].filter((taxon) => taxon.active), categories: [...categories.values()].filter((taxon) => taxon.active) };
    },

    async feed() {
      const [types, categories, found] = await Promise.all([taxonomy('job-types'), taxonomy('job-categories'), client.findVisibleJobs({ page: 1, perPage: jobsFeedLength })]);
      return found.docs.map((doc) => detail(doc, types, categories));
    },
  };
}
