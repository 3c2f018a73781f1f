/** `/box/<label>/`: a box's HTML fragment (python.org's supernav loads these), allowlisted. */
import { Router } from 'express';
import { applyCacheProfile } from '../cache/cacheProfiles';
import { HttpError } from '../errors/HttpError';
import { setSurrogateKeys } from '../rendering/surrogateKeys';
import type { Services } from '../services/index';

export function createBoxesRouter(services: Pick<Services, 'site'>): Router {
  const router = Router();
  router.get('/box/:label/', async (req, res) => {
    const label = req.params.label;
    if (!/^[a-z0-9_-]{1,100}$/.test(label)) throw new HttpError(404, 'There is no box with this label.');
    const html = (await services.site.boxes([label]))[label];
    if (html === undefined) throw new HttpError(404, 'There is no box with this label.');
    applyCacheProfile(res, 'public');
    setSurrogateKeys(res, ['boxes']);
    res.status(200).type('html').send(html);
  });
  return router;
}
