/**
 * Everything routes may call. createApp() takes a Services object, so route tests pass
 * a fake one and production passes the result of createServices().
 */
import { createCmsClient } from '../cms/client.js';
import type { WebConfig } from '../config.js';
import { createHealthService, type HealthService } from './healthService.js';
import { createReleaseService, type ReleaseService } from './releaseService.js';

export interface Services {
  readonly releases: ReleaseService;
  readonly health: HealthService;
}

export function createServices(config: Pick<WebConfig, 'cmsUrl' | 'cmsTimeoutMs'>): Services {
  const cms = createCmsClient({ baseUrl: config.cmsUrl, timeoutMs: config.cmsTimeoutMs });
  return {
    releases: createReleaseService(cms),
    health: createHealthService(cms),
  };
}
