import { describe, expect, it } from 'vitest';
import { CmsResponseError, CmsUnavailableError } from '../../../web/src/cms/errors';
import { createHealthService } from '../../../web/src/services/healthService';

describe('createHealthService', () => {
  it('reports a healthy CMS', async () => {
    const service = createHealthService({ health: async () => undefined });

    await expect(service.checkCms()).resolves.toEqual({ healthy: true });
  });

  it.each([
    new CmsUnavailableError('GET /api/health timed out after 5000 ms', '/api/health'),
    new CmsResponseError('GET /api/health answered 404', '/api/health', 404),
  ])('reports $message as unhealthy', async (error) => {
    const service = createHealthService({
      health: async () => {
        throw error;
      },
    });

    await expect(service.checkCms()).resolves.toEqual({ healthy: false, reason: error.message });
  });

  it('lets renderer bugs through instead of calling them a CMS outage', async () => {
    const service = createHealthService({
      health: async () => {
        throw new TypeError('bug');
      },
    });

    await expect(service.checkCms()).rejects.toThrow('bug');
  });
});
