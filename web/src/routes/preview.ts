/**
 * `/preview/<collection>/<id>/`: an editor's draft, opened from the admin's preview button.
 *
 * The admin's link carries a preview token (`?token=`), good for reading this one document's
 * latest draft for 30 minutes and nothing else (the CMS checks it: cms/endpoints/previewDraft).
 * A GET never sets the preview cookie, so a link someone else sends cannot replace a visitor's
 * preview with theirs without the visitor knowing (issue 18): the link answers a page naming the
 * document with an "Open the preview" button, a POST back here with a CSRF token (double submit,
 * SameSite=Strict) and, where the browser says it, `Sec-Fetch-Site: same-origin`. The POST moves
 * the token into an HttpOnly, SameSite=Strict cookie limited to this document's path (Secure over
 * https, TRUST_PROXY telling the site when a proxy terminated TLS) and redirects to the address
 * without it, so the token leaves the address bar and history. Previews are never cached, not
 * indexed, and sent without a Referer.
 */
import express, { Router, type Request, type Response } from 'express';
import { HttpError } from '../errors/HttpError';
import { z } from 'zod';
import { csrfFieldName, csrfTokenMatches, issueCsrfToken } from '../forms/csrfToken';
import { postedBody } from '../forms/postedForm';
import { readCookie } from '../forms/readCookie';
import { renderSitePage } from '../rendering/renderSitePage';
import type { Services } from '../services/index';

export const previewCookieName = 'pydotorg_preview';
/** As long as a preview token lives (collections/preview/previewToken PREVIEW_TOKEN_MINUTES). */
const PREVIEW_COOKIE_MS = 30 * 60 * 1000;
const tokenPattern = /^[A-Za-z0-9_.-]{10,4096}$/;
const collectionNames = { pages: 'the page', releases: 'the release', 'success-stories': 'the success story' } as const;
type PreviewCollection = keyof typeof collectionNames;

function previewTarget(req: Request): { collection: PreviewCollection; id: string; path: string } {
  const { collection, id } = req.params;
  if (collection !== 'pages' && collection !== 'releases' && collection !== 'success-stories') {
    throw new HttpError(404, 'Only pages, releases and success stories can be previewed.');
  }
  if (typeof id !== 'string' || !/^\d{1,12}$/.test(id)) throw new HttpError(404, 'There is no document with this id.');
  return { collection, id, path: `/preview/${collection}/${id}/` };
}

function privateHeaders(res: Response): void {
  res.set({ 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex, nofollow' });
}

export function createPreviewRouter(services: Pick<Services, 'preview' | 'site'>): Router {
  const router = Router();

  router.get('/preview/:collection/:id/', async (req, res) => {
    privateHeaders(res);
    const target = previewTarget(req);

    const fromLink = req.query['token'];
    if (fromLink !== undefined) {
      if (typeof fromLink !== 'string' || !tokenPattern.test(fromLink)) throw new HttpError(400, 'The preview link is damaged: open it again from the admin.');
      // Confirm first: the cookie is only ever set by the POST below.
      const csrfToken = issueCsrfToken(req, res, target.path);
      await renderSitePage(req, res, services, 'preview/confirm.njk', {
        what: collectionNames[target.collection], id: target.id, action: target.path, token: fromLink, csrfToken, csrfFieldName,
      }, { surrogateKeys: [], cacheProfile: 'noCache', path: target.path });
      return;
    }

    const token = readCookie(req, previewCookieName);
    if (token === null || !tokenPattern.test(token)) {
      throw new HttpError(401, "A preview needs a preview link: press Preview in the CMS's admin.");
    }
    const preview = await services.preview.preview(target.collection, target.id, token);
    if (preview === null) throw new HttpError(404, 'Nothing to preview: the document does not exist, your account cannot read it, or the preview link has expired (press Preview in the admin again).');
    const options = { surrogateKeys: [], cacheProfile: 'noCache' as const };
    if (preview.collection === 'pages') {
      await renderSitePage(req, res, services, 'page.njk', { page: preview.page, preview: true }, { ...options, path: preview.page.path });
    } else if (preview.collection === 'releases') {
      await renderSitePage(req, res, services, 'downloads/release.njk', { page: preview.releasePage, preview: true }, { ...options, path: '/downloads/' });
    } else {
      await renderSitePage(req, res, services, 'stories/story.njk', { story: preview.story, preview: true }, { ...options, path: '/success-stories/' });
    }
  });

  router.post('/preview/:collection/:id/', express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 5 }), (req, res) => {
    privateHeaders(res);
    res.set('Cache-Control', 'no-cache, no-store, must-revalidate');
    const target = previewTarget(req);
    const body = postedBody.parse(req.body);
    // Browsers that send Fetch Metadata say where the form was: only this site's own page will do.
    const site = req.get('sec-fetch-site');
    if ((site !== undefined && site !== 'same-origin') || !csrfTokenMatches(req, body[csrfFieldName])) {
      throw new HttpError(403, 'This preview was not opened from its own confirmation page: open the preview link again.');
    }
    const token = z.string().regex(tokenPattern).safeParse(body['token']);
    if (!token.success) throw new HttpError(400, 'The preview link is damaged: open it again from the admin.');
    res.cookie(previewCookieName, token.data, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: target.path, maxAge: PREVIEW_COOKIE_MS });
    res.redirect(303, target.path);
  });

  return router;
}
