/**
 * The catch-all, after every fixed route: a CMS redirect (301 permanent, 302 otherwise), then
 * a CMS page at its path (a missing trailing slash gets a 301), then the 404 handler.
 */
import { Router } from 'express';
import { applyCacheProfile } from '../cache/cacheProfiles';
import { renderSitePage } from '../rendering/renderSitePage';
import { setSurrogateKeys } from '../rendering/surrogateKeys';
import type { Services } from '../services/index';

export function createCmsPagesRouter(services: Pick<Services, 'pages' | 'site'>): Router {
  const router = Router();
  router.get(/.*/, async (req, res, next) => {
    const resolution = await services.pages.resolve(req.path);
    if (resolution.kind === 'none') {
      next();
      return;
    }
    if (resolution.kind === 'redirect') {
      applyCacheProfile(res, 'public');
      setSurrogateKeys(res, ['redirects', 'pages']);
      res.redirect(resolution.status, resolution.location);
      return;
    }
    await renderSitePage(req, res, services, 'page.njk', { page: resolution.page }, { surrogateKeys: ['pages', 'redirects'] });
  });
  return router;
}
