/**
 * `/preview/<collection>/<id>/`: an editor's draft, opened from the admin's preview button.
 *
 * The admin's link carries the editor's CMS token (`?token=`). The first request moves it into
 * an HttpOnly cookie limited to /preview/ and redirects to the same address without it, so the
 * token leaves the address bar, history and logs at once. The draft is then read from the CMS
 * with that token, so the CMS's access rules decide what may be previewed. Previews are never
 * cached, not indexed, and sent without a Referer.
 */
import { Router, type Request } from 'express';
import { HttpError } from '../errors/HttpError';
import { readCookie } from '../forms/readCookie';
import { renderSitePage } from '../rendering/renderSitePage';
import type { Services } from '../services/index';

export const previewCookieName = 'pydotorg_preview';
const tokenPattern = /^[A-Za-z0-9_.-]{10,4096}$/;

export function createPreviewRouter(services: Pick<Services, 'preview' | 'site'>): Router {
  const router = Router();
  router.get('/preview/:collection/:id/', async (req, res) => {
    res.set({ 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex, nofollow' });
    const collection = req.params.collection;
    if (collection !== 'pages' && collection !== 'releases' && collection !== 'success-stories') {
      throw new HttpError(404, 'Only pages, releases and success stories can be previewed.');
    }
    if (!/^\d{1,12}$/.test(req.params.id)) throw new HttpError(404, 'There is no document with this id.');

    const fromLink = req.query['token'];
    if (fromLink !== undefined) {
      if (typeof fromLink !== 'string' || !tokenPattern.test(fromLink)) throw new HttpError(400, 'The preview link is damaged: open it again from the admin.');
      res.cookie(previewCookieName, fromLink, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/preview/', maxAge: 2 * 60 * 60 * 1000 });
      res.redirect(303, req.path);
      return;
    }

    const token = previewToken(req);
    if (token === null) {
      throw new HttpError(401, "A preview needs your CMS session: open it from the admin's preview button.");
    }
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

function previewToken(req: Request): string | null {
  const token = readCookie(req, previewCookieName);
  return token !== null && tokenPattern.test(token) ? token : null;
}
