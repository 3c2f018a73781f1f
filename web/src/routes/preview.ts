/**
 * `/preview/<collection>/<id>/?token=...`: an editor's draft, opened from the admin's preview
 * button. Read with the editor's token, never cached, not indexed, and sent without a
 * Referer so the token in the URL goes nowhere else.
 */
import { Router } from 'express';
import { HttpError } from '../errors/HttpError';
import { renderSitePage } from '../rendering/renderSitePage';
import type { Services } from '../services/index';

export function createPreviewRouter(services: Pick<Services, 'preview' | 'site'>): Router {
  const router = Router();
  router.get('/preview/:collection/:id/', async (req, res) => {
    res.set({ 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex, nofollow' });
    const collection = req.params.collection;
    if (collection !== 'pages' && collection !== 'releases' && collection !== 'success-stories') {
      throw new HttpError(404, 'Only pages, releases and success stories can be previewed.');
    }
    const token = req.query['token'];
    if (typeof token !== 'string' || !/^[A-Za-z0-9_.-]{10,4096}$/.test(token)) {
      throw new HttpError(401, 'A preview needs the token the CMS adds to the link: open it from the admin\'s preview button.');
    }
    if (!/^\d{1,12}$/.test(req.params.id)) throw new HttpError(404, 'There is no document with this id.');
    const preview = await services.preview.preview(collection, req.params.id, token);
    if (preview === null) throw new HttpError(404, 'Nothing to preview: the document does not exist, or your session cannot read it (sign in to the CMS again).');
    const options = { surrogateKeys: [], cacheProfile: 'noCache' as const };
    if (preview.collection === 'pages') {
      await renderSitePage(req, res, services, 'page.njk', { page: preview.page, preview: true }, { ...options, path: preview.page.path });
    } else if (preview.collection === 'releases') {
      await renderSitePage(req, res, services, 'downloads/release.njk', { page: preview.releasePage, preview: true }, { ...options, path: '/downloads/' });
    } else {
      await renderSitePage(req, res, services, 'stories/story.njk', { story: preview.story, preview: true }, { ...options, path: '/success-stories/' });
    }
  });
  return router;
}
