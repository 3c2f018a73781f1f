/**
 * PSF Board minutes at python.org's URLs: the archive `/psf/records/board/minutes/`, its RSS
 * feed `feed/`, and one meeting `<YYYY-MM-DD>/`. All public, cached under the `minutes` key,
 * which the CMS purges when minutes change. Drafts are read through the preview links, not here.
 */
import { Router } from 'express';
import { applyCacheProfile } from '../cache/cacheProfiles';
import { HttpError } from '../errors/HttpError';
import { renderMinutesFeed } from '../feeds/minutesFeed';
import { renderSitePage } from '../rendering/renderSitePage';
import { setSurrogateKeys } from '../rendering/surrogateKeys';
import type { Services } from '../services/index';
import { minutesListPath } from '../services/minutesService';

const minutesKeys = ['minutes'];
/** python.org's feed carries the 20 latest. */
const feedLength = 20;

export function createMinutesRouter(services: Pick<Services, 'site' | 'minutes'>, siteUrl: string): Router {
  const router = Router();

  router.get(minutesListPath, async (req, res) => {
    const years = await services.minutes.archive();
    await renderSitePage(req, res, services, 'minutes/index.njk', { years, feedPath: `${minutesListPath}feed/` }, { surrogateKeys: minutesKeys });
  });

  router.get(`${minutesListPath}feed/`, async (_req, res) => {
    const meetings = await services.minutes.latest(feedLength);
    applyCacheProfile(res, 'public');
    setSurrogateKeys(res, minutesKeys);
    res.status(200).type('application/rss+xml; charset=utf-8').send(renderMinutesFeed(meetings, siteUrl));
  });

  router.get(`${minutesListPath}:day/`, async (req, res) => {
    const meeting = await services.minutes.meeting(req.params.day);
    if (meeting === null) throw new HttpError(404, 'There are no published board minutes for this day.');
    await renderSitePage(req, res, services, 'minutes/meeting.njk', { meeting, feedPath: `${minutesListPath}feed/` }, { surrogateKeys: minutesKeys, path: minutesListPath });
  });

  return router;
}
