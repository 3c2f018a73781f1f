/**
 * Everything routes may call. createApp() takes a Services object, so route tests pass
 * a fake one and production passes the result of createServices().
 */
import { createCmsClient } from '../cms/client';
import type { WebConfig } from '../config';
import { createHealthService, type HealthService } from './healthService';
import { createReleaseService, type ReleaseService } from './releaseService';

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
