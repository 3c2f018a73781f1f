/**
 * /blogs/ (python.org's blog landing): the newest post of the Python Insider blog large, the
 * next five below it, each linking to the post on the blog. Before the first import it says
 * where the news is. Built from `news`, so a purge of that key (an import) renews it.
 */
import { Router } from 'express';
import { renderSitePage } from '../rendering/renderSitePage';
import type { Services } from '../services/index';

export function createNewsRouter(services: Pick<Services, 'site' | 'news'>): Router {
  const router = Router();
  router.get('/blogs/', async (req, res) => {
    const page = await services.news.blogsPage();
    await renderSitePage(req, res, services, 'blogs.njk', { latest: page.latest, recent: page.recent }, { surrogateKeys: ['news'] });
  });
  return router;
}
