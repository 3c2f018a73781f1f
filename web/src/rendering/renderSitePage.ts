/**
 * A full site page: the shared chrome (navigation, breadcrumbs, banner) plus the page's own
 * data, rendered through renderPage with the page's cache profile and surrogate keys.
 */
import type { Request, Response } from 'express';
import type { CacheProfileName } from '../cache/cacheProfiles';
import type { Services } from '../services/index';
import type { BannerPlacement } from '../services/siteService';
import { renderPage } from './renderPage';
import { chromeSurrogateKeys } from './surrogateKeys';

export interface SitePageOptions {
  readonly surrogateKeys: readonly string[];
  readonly cacheProfile?: CacheProfileName;
  readonly status?: number;
  /** The path navigation and breadcrumbs are built for; the request path by default. */
  readonly path?: string;
  /** Which banner the page shows (python.org: home and downloads 'site', PSF pages 'psf'); none by default. */
  readonly banner?: BannerPlacement;
  /** More headers to send with the page (e.g. `Vary: Cookie` on personal pages). */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * `context` may be a promise: the page's own CMS reads then run alongside the chrome's
 * (navigation, banner, supernav boxes) instead of before them, one round trip to the CMS less
 * for a cold page. A rejected context (a 404, the CMS down) is the page's answer as usual.
 */
export async function renderSitePage(
  req: Request,
  res: Response,
  services: Pick<Services, 'site'>,
  view: string,
  context: Readonly<Record<string, unknown>> | Promise<Readonly<Record<string, unknown>>>,
  options: SitePageOptions,
): Promise<void> {
  const [chrome, data] = await Promise.all([services.site.chrome(options.path ?? req.path, options.banner ?? 'none'), context]);
  await renderPage(res, view, { ...chrome, currentPath: req.path, ...data }, {
    status: options.status,
    headers: options.headers,
    cacheProfile: options.cacheProfile ?? 'public',
    surrogateKeys: [...options.surrogateKeys, ...chromeSurrogateKeys],
  });
}
