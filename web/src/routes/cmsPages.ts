/**
 * The catch-all, after every fixed route: a CMS redirect (301 permanent, 302 otherwise, 410
 * when it has no target; exact, prefix or pattern), then a CMS page at its path (a missing
 * trailing slash gets a 301), then the 404 handler.
 */
import { Router } from 'express';
import { renderSitePage } from '../rendering/renderSitePage';
import type { Services } from '../services/index';
import { searchOf, sendRedirection } from './sendRedirection';

export function createCmsPagesRouter(services: Pick<Services, 'pages' | 'site'>): Router {
  const router = Router();
  router.get(/.*/, async (req, res, next) => {
    const resolution = await services.pages.resolve(req.path, searchOf(req.originalUrl));
    if (resolution.kind === 'none') {
      next();
      return;
    }
    if (resolution.kind !== 'page') {
      await sendRedirection(res, resolution);
      return;
    }
    await renderSitePage(req, res, services, 'page.njk', { page: resolution.page }, { surrogateKeys: ['pages', 'redirects'], banner: isPsfPage(resolution.page.path) ? 'psf' : 'none' });
  });
  return router;
}

/**
 * python.org renders its PSF section (the PSF landing and the pages under /psf/, built on the
 * psf/ templates) with the PSF banner; pages carry no template choice here, so the section is
 * told by its path.
 */
function isPsfPage(path: string): boolean {
  return path === '/psf-landing/' || path.startsWith('/psf/');
}
