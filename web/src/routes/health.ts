/**
 * Health checks for load balancers and operators. Always JSON, never cached.
 *
 *   GET /health             the renderer is up (does not touch the CMS)
 *   GET /health?deep=1      ...and the CMS answers; 503 when it does not
 *   GET /health/cms         same as ?deep=1
 */
import { Router, type Response } from 'express';
import { applyCacheProfile } from '../cache/cacheProfiles';
import type { Services } from '../services/index';

type DeepFlag = 'deep' | 'shallow' | 'invalid';

export function createHealthRouter(services: Pick<Services, 'health'>): Router {
  const router = Router();

  async function sendDeepHealth(res: Response): Promise<void> {
    const cms = await services.health.checkCms();
    applyCacheProfile(res, 'noCache');
    if (cms.healthy) {
      res.status(200).json({ status: 'ok', cms: 'ok' });
    } else {
      res.status(503).json({ status: 'unavailable', message: `CMS unreachable: ${cms.reason}` });
    }
  }

  router.get('/health', async (req, res) => {
    const flag = parseDeepFlag(req.query['deep']);
    if (flag === 'invalid') {
      applyCacheProfile(res, 'noCache');
      res.status(400).json({ status: 'error', message: 'The "deep" parameter must be 1 or 0.' });
      return;
    }
    if (flag === 'deep') {
      await sendDeepHealth(res);
      return;
    }
    applyCacheProfile(res, 'noCache');
    res.status(200).json({ status: 'ok' });
  });

  router.get('/health/cms', async (_req, res) => {
    await sendDeepHealth(res);
  });

  return router;
}

function parseDeepFlag(value: unknown): DeepFlag {
  if (value === undefined || value === '0' || value === 'false') return 'shallow';
  if (value === '1' || value === 'true') return 'deep';
  return 'invalid';
}
