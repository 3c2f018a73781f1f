/**
 * The PSF's sponsors page at python.org's URL, /psf/sponsors/ (issue 17): sponsor logos by level,
 * from the CMS's logo placement API. Public and cached under the sponsorship keys, which the CMS
 * purges (with this path) when a sponsor, sponsorship or level changes.
 */
import { Router } from 'express';
import { renderSitePage } from '../rendering/renderSitePage';
import type { Services } from '../services/index';
import { sponsorSurrogateKeys } from '../services/sponsorService';

export function createPsfRouter(services: Pick<Services, 'site' | 'sponsors'>): Router {
  const router = Router();

  router.get('/psf/sponsors/', async (req, res) => {
    const levels = await services.sponsors.sponsorLevels();
    await renderSitePage(req, res, services, 'psf/sponsors.njk', { levels }, { surrogateKeys: [...sponsorSurrogateKeys], path: '/psf/' });
  });

  return router;
}
