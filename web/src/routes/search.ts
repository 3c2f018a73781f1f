/**
 * `/search/`: the site search (python.org's `/search/?q=&page=`, plus `type=` facets). Never
 * cached: results follow the search index, which changes on its own schedule, and each query is
 * its own URL. A query the CMS refuses is a 400 page with its reason, the form kept (a 429 when
 * the visitor searched too often: the CMS counts each visitor's address, passed along).
 */
import { Router } from 'express';
import { clientAddressOf, type TrustedProxies } from '../../../lib/throttle/clientAddress';
import { renderSitePage } from '../rendering/renderSitePage';
import type { Services } from '../services/index';

/**
 * `trustedProxies` (TRUST_PROXY) decides who the visitor is, as for the story form: the CMS
 * counts the address it is given, so behind a proxy it must be the visitor's, not the proxy's.
 */
export function createSearchRouter(services: Pick<Services, 'search' | 'site'>, trustedProxies: TrustedProxies = { kind: 'none' }): Router {
  const router = Router();
  router.get('/search/', async (req, res) => {
    const params = new URL(req.originalUrl, 'http://site.invalid').searchParams;
    const visitor = clientAddressOf(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedProxies);
    const search = await services.search.search(params, visitor);
    await renderSitePage(req, res, services, 'search.njk', { search }, { surrogateKeys: [], cacheProfile: 'noCache', status: search.status });
  });
  return router;
}
