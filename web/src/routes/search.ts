/**
 * `/search/`: the site search (python.org's `/search/?q=&page=`, plus `type=` facets). Never
 * cached: results follow the search index, which changes on its own schedule, and each query is
 * its own URL. A query the CMS refuses is a 400 page with its reason, the form kept.
 */
import { Router } from 'express';
import { renderSitePage } from '../rendering/renderSitePage';
import type { Services } from '../services/index';

export function createSearchRouter(services: Pick<Services, 'search' | 'site'>): Router {
  const router = Router();
  router.get('/search/', async (req, res) => {
    const params = new URL(req.originalUrl, 'http://site.invalid').searchParams;
    const search = await services.search.search(params);
    await renderSitePage(req, res, services, 'search.njk', { search }, { surrogateKeys: [], cacheProfile: 'noCache', status: search.status });
  });
  return router;
}
