/** `/robots.txt` and `/sitemap.xml` (the site's fixed sections plus every published page). */
import { Router } from 'express';
import { applyCacheProfile } from '../cache/cacheProfiles';
import { xmlEscape } from '../feeds/xmlEscape';
import { setSurrogateKeys } from '../rendering/surrogateKeys';
import type { Services } from '../services/index';

const fixedPaths = ['/', '/downloads/', '/downloads/operating-systems/', '/doc/versions/', '/events/', '/events/calendars/', '/success-stories/'];

export function createSeoRouter(services: Pick<Services, 'pages' | 'downloads' | 'events' | 'stories'>, siteUrl: string): Router {
  const router = Router();

  router.get('/robots.txt', (_req, res) => {
    applyCacheProfile(res, 'public');
    res.status(200).type('text/plain; charset=utf-8').send(`User-agent: *\nDisallow: /preview/\nDisallow: /success-stories/create/\n\nSitemap: ${siteUrl}/sitemap.xml\n`);
  });

  router.get('/sitemap.xml', async (_req, res) => {
    const [pages, releases, systems, calendars, categories] = await Promise.all([
      services.pages.publishedPaths(),
      services.downloads.newestReleases(10_000),
      services.downloads.operatingSystems(),
      services.events.calendars(),
      services.stories.categories(),
    ]);
    const paths = new Set<string>([
      ...fixedPaths,
      ...systems.map((os) => os.path),
      ...releases.map((release) => release.path),
      ...calendars.map((calendar) => calendar.path),
      ...categories.map((category) => category.path),
      ...pages.map((page) => page.path),
    ]);
    const urls = [...paths].map((path) => `<url><loc>${xmlEscape(`${siteUrl}${path}`)}</loc></url>`);
    applyCacheProfile(res, 'public');
    setSurrogateKeys(res, ['pages', 'releases', 'operating-systems', 'calendars', 'story-categories']);
    res
      .status(200)
      .type('application/xml; charset=utf-8')
      .send(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`);
  });

  return router;
}
