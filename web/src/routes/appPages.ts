/**
 * Sections python.org serves from other apps that this site links to in its menu: news (the
 * blog lives at blog.python.org). Each gets a real page pointing to where the content is, so
 * the menu never leads to a 404.
 */
import { Router } from 'express';
import { renderSitePage } from '../rendering/renderSitePage';
import type { Services } from '../services/index';

export function createAppPagesRouter(services: Pick<Services, 'site'>): Router {
  const router = Router();
  router.get('/blogs/', async (req, res) => {
    await renderSitePage(req, res, services, 'blogs.njk', {}, { surrogateKeys: [] });
  });
  return router;
}
