/**
 * python.org's legacy download paths, which its nginx config redirects (301) and which its own
 * boxes still link to. Only exact paths are listed; anything else under /download/ falls
 * through to CMS redirects and pages (python.org keeps pages such as /download/alternatives/).
 */
import { Router } from 'express';
import { applyCacheProfile } from '../cache/cacheProfiles';

export const legacyDownloadRedirects: Readonly<Record<string, string>> = {
  '/download/': '/downloads/',
  '/download/releases/': '/downloads/',
  '/download/source/': '/downloads/source/',
  '/download/mac/': '/downloads/macos/',
  '/download/windows/': '/downloads/windows/',
  '/download/other/': '/downloads/operating-systems/',
};

export function createLegacyRedirectsRouter(): Router {
  const router = Router();
  router.get(Object.keys(legacyDownloadRedirects), (req, res, next) => {
    const path = req.path.endsWith('/') ? req.path : `${req.path}/`;
    const target = legacyDownloadRedirects[path];
    if (target === undefined) {
      next();
      return;
    }
    applyCacheProfile(res, 'public');
    res.redirect(301, target);
  });
  return router;
}
