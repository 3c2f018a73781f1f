/**
 * The home page. Widgets are fed from services; when the CMS is down the 503 page comes
 * from the error chain (a CmsUnavailableError propagates out of the handler).
 */
import { Router } from 'express';
import { renderPage } from '../rendering/renderPage';
import type { Services } from '../services/index';

export function createHomeRouter(services: Pick<Services, 'releases'>): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    const latestRelease = await services.releases.latestPython3();
    await renderPage(res, 'home.njk', { latestRelease }, { cacheProfile: 'public' });
  });

  return router;
}
