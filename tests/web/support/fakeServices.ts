import { loadWebConfig, type WebConfig } from '../../../web/src/config';
import type { Services } from '../../../web/src/services/index';
import type { ReleaseSummary } from '../../../web/src/services/releaseService';

export const testConfig: WebConfig = loadWebConfig({});

export const python3147: ReleaseSummary = {
  name: 'Python 3.14.7',
  slug: 'python-3147',
  path: '/downloads/release/python-3147/',
  releaseDate: '2026-01-13T00:00:00.000Z',
};

/** Services that answer from memory; override a member to simulate a CMS state. */
export function createFakeServices(overrides: Partial<Services> = {}): Services {
  return {
    releases: { latestPython3: async () => python3147 },
    health: { checkCms: async () => ({ healthy: true }) },
    ...overrides,
  };
}
