/**
 * The home page (python.org's IndexView): slideshow, intro, banner, the four widgets, latest
 * news (when any was imported), upcoming events, the featured success story and the "use
 * Python for" and PSF boxes. When the CMS is down the 503 page comes from the error chain (a
 * CmsUnavailableError propagates).
 */
import { Router } from 'express';
import { renderSitePage } from '../rendering/renderSitePage';
import type { Services } from '../services/index';
import { HOME_BOX_LABELS } from '../services/siteService';

/** The home page's boxes; read with the menu panels in one CMS read (siteService). */
export const homeBoxLabels = HOME_BOX_LABELS;

export function createHomeRouter(services: Pick<Services, 'releases' | 'site' | 'events' | 'stories' | 'news'>): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const context = Promise.all([
      services.releases.latestPython3(),
      services.site.boxes(homeBoxLabels),
      services.site.codeSamples(),
      services.events.listings({ when: 'upcoming' }),
      services.stories.featured(),
      services.news.latest(),
    ]).then(([latestRelease, boxes, codeSamples, upcoming, featuredStory, latestNews]) => ({
      latestRelease,
      boxes,
      codeSamples,
      upcomingEvents: upcoming.slice(0, 5),
      featuredStory,
      latestNews,
    }));
    // The page's reads and the chrome's in one round (renderSitePage takes the promise).
    await renderSitePage(
      req,
      res,
      services,
      'home.njk',
      context,
      { surrogateKeys: ['releases', 'release-files', 'boxes', 'code-samples', 'events', 'calendars', 'success-stories', 'story-categories', 'news'], banner: 'site' },
    );
  });

  return router;
}
