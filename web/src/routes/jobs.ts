/**
 * The job board's public pages at python.org's URLs: /jobs/ (25 a page, `?page=`), by type,
 * category, place and remote only, the three index pages, one job, and the RSS feed. All public
 * and cached under the job board's keys, which the CMS purges when a job or a filter changes.
 * (Posting, "my jobs" and the review queue are personal pages of the accounts' site.)
 */
import { Router, type Request, type Response } from 'express';
import { applyCacheProfile } from '../cache/cacheProfiles';
import { HttpError } from '../errors/HttpError';
import { renderJobsFeed } from '../feeds/jobsFeed';
import { renderSitePage } from '../rendering/renderSitePage';
import { setSurrogateKeys } from '../rendering/surrogateKeys';
import type { Services } from '../services/index';
import type { JobListRequest } from '../services/jobService';
import { sponsorSurrogateKeys } from '../services/sponsorService';

const jobKeys = ['jobs', 'job-types', 'job-categories'];

/** `?page=`: absent is the first; anything but a page number is no page (a 404, as python.org's paginator). */
function pageOf(req: Request): number | null {
  const raw = req.query['page'];
  if (raw === undefined) return 1;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,5}$/.test(raw)) return null;
  return Number(raw);
}

export function createJobsRouter(services: Pick<Services, 'site' | 'jobs' | 'sponsors'>, siteUrl: string): Router {
  const router = Router();

  /**
   * Every public job page has python.org's "Job Board Sponsors" sidebar (the psf publisher's `jobs`
   * flight, issue 17), so it also carries the sponsorship keys the CMS purges on a sponsor change.
   */
  async function renderJobPage(req: Request, res: Response, view: string, context: Record<string, unknown>): Promise<void> {
    const sponsors = await services.sponsors.jobSponsors();
    await renderSitePage(req, res, services, view, { ...context, sponsors }, { surrogateKeys: [...jobKeys, ...sponsorSurrogateKeys], path: '/jobs/' });
  }

  async function renderList(req: Request, res: Response, request: JobListRequest): Promise<void> {
    const page = pageOf(req);
    const list = page === null ? null : await services.jobs.list(request, page);
    if (list === null) throw new HttpError(404, 'There is no such page of jobs.');
    await renderJobPage(req, res, 'jobs/list.njk', { list, basePath: req.path });
  }

  router.get('/jobs/', (req, res) => renderList(req, res, { kind: 'all' }));
  router.get('/jobs/type/:slug/', (req, res) => renderList(req, res, { kind: 'type', slug: req.params.slug }));
  router.get('/jobs/category/:slug/', (req, res) => renderList(req, res, { kind: 'category', slug: req.params.slug }));
  router.get('/jobs/location/telecommute/', (req, res) => renderList(req, res, { kind: 'remote' }));
  router.get('/jobs/location/:slug/', (req, res) => renderList(req, res, { kind: 'location', slug: req.params.slug }));

  router.get('/jobs/types/', async (req, res) => {
    const entries = await services.jobs.taxonomyIndex('job-types');
    await renderJobPage(req, res, 'jobs/index.njk', { heading: 'Job types', entries });
  });

  router.get('/jobs/categories/', async (req, res) => {
    const entries = await services.jobs.taxonomyIndex('job-categories');
    await renderJobPage(req, res, 'jobs/index.njk', { heading: 'Job categories', entries });
  });

  router.get('/jobs/locations/', async (req, res) => {
    const index = await services.jobs.locationIndex();
    await renderJobPage(req, res, 'jobs/locations.njk', { ...index });
  });

  router.get('/jobs/feed/rss/', async (_req, res) => {
    const jobs = await services.jobs.feed();
    applyCacheProfile(res, 'public');
    setSurrogateKeys(res, jobKeys);
    res.status(200).type('application/rss+xml; charset=utf-8').send(renderJobsFeed(jobs, siteUrl));
  });

  router.get('/jobs/:id/', async (req, res, next) => {
    if (!/^[1-9]\d{0,9}$/.test(req.params.id)) {
      next();
      return;
    }
    const job = await services.jobs.job(Number(req.params.id));
    if (job === null) throw new HttpError(404, 'There is no job listed at this address: it may have expired or been filled.');
    await renderJobPage(req, res, 'jobs/job.njk', { job });
  });

  return router;
}
