/**
 * The downloads section, python.org's URLs: /downloads/, per-OS pages, release pages, the
 * /downloads/latest/ redirects (302, so they follow each new release) and the releases feed.
 */
import { Router } from 'express';
import { applyCacheProfile } from '../cache/cacheProfiles';
import { HttpError } from '../errors/HttpError';
import { renderSitePage } from '../rendering/renderSitePage';
import { setSurrogateKeys } from '../rendering/surrogateKeys';
import type { LatestTarget } from '../services/downloadService';
import type { Services } from '../services/index';
import { sponsorSurrogateKeys } from '../services/sponsorService';
import { DOWNLOAD_BOX_LABELS } from '../services/siteService';
import { renderReleasesFeed } from '../feeds/releasesFeed';

const releaseKeys = ['releases', 'release-files', 'operating-systems', 'release-cycles'];
const downloadBoxLabels = DOWNLOAD_BOX_LABELS;

export function createDownloadsRouter(services: Pick<Services, 'downloads' | 'site' | 'sponsors'>, siteUrl: string): Router {
  const router = Router();

  router.get('/downloads/', async (req, res) => {
    const context = Promise.all([services.downloads.downloadsHome(), services.site.boxes(downloadBoxLabels), services.sponsors.downloadSponsors()]).then(
      ([downloads, boxes, sponsors]) => ({ downloads, boxes, sponsors }),
    );
    // The sponsors' block (issue 17) is purged with the sponsorship keys, as /psf/sponsors/.
    await renderSitePage(req, res, services, 'downloads/index.njk', context, { surrogateKeys: [...releaseKeys, 'boxes', ...sponsorSurrogateKeys], banner: 'site' });
  });

  router.get('/downloads/operating-systems/', async (req, res) => {
    const systems = await services.downloads.operatingSystems();
    await renderSitePage(req, res, services, 'downloads/operatingSystems.njk', { systems }, { surrogateKeys: ['operating-systems'] });
  });

  router.get('/downloads/feed.rss', async (_req, res) => {
    const releases = await services.downloads.newestReleases(10);
    applyCacheProfile(res, 'public');
    setSurrogateKeys(res, ['releases']);
    res.status(200).type('application/rss+xml; charset=utf-8').send(renderReleasesFeed(releases, siteUrl));
  });

  router.get('/downloads/latest/:target/', async (req, res) => {
    const target = parseLatestTarget(req.params.target);
    if (target === null) throw new HttpError(404, `There is no "latest" download called "${req.params.target}".`);
    const path = await services.downloads.latestPath(target);
    // As python.org: when nothing matches (no pre-release between cycles, a series not
    // released yet), every target sends visitors to the downloads page instead of a 404.
    const location = path ?? '/downloads/';
    applyCacheProfile(res, 'public');
    setSurrogateKeys(res, ['releases']);
    res.redirect(302, location);
  });

  router.get('/downloads/latest/', (_req, res) => {
    applyCacheProfile(res, 'public');
    res.redirect(302, '/downloads/latest/python3/');
  });

  router.get('/downloads/release/:slug/', async (req, res) => {
    const context = services.downloads.releasePage(req.params.slug).then((page) => {
      if (page === null) throw new HttpError(404, 'There is no published release at this address.');
      return { page };
    });
    await renderSitePage(req, res, services, 'downloads/release.njk', context, { surrogateKeys: releaseKeys, path: '/downloads/' });
  });

  router.get('/downloads/:os/', async (req, res, next) => {
    const page = await services.downloads.osPage(req.params.os);
    // Not an OS: the CMS may still have a page or redirect here (e.g. /downloads/unpacking/).
    if (page === null) {
      next();
      return;
    }
    await renderSitePage(req, res, services, 'downloads/os.njk', { page }, { surrogateKeys: releaseKeys });
  });

  router.get('/doc/versions/', async (req, res) => {
    const groups = await services.downloads.docVersions();
    await renderSitePage(req, res, services, 'docVersions.njk', { groups }, { surrogateKeys: ['releases'] });
  });

  return router;
}

function parseLatestTarget(value: string): LatestTarget | null {
  if (value === 'python3' || value === 'python2' || value === 'prerelease' || value === 'pymanager') return value;
  const match = /^python3\.(\d{1,3})$/.exec(value);
  return match === null ? null : `python3.${Number(match[1])}`;
}
