import { createApp } from '../../../web/src/app';
import type { Services } from '../../../web/src/services/index';
import { testConfig } from './fakeServices';
import { startTestServer, type TestServer } from './startTestServer';

/** The real app, on fake services, listening on a free port. */
export function startTestApp(services: Services): Promise<TestServer> {
  return startTestServer(createApp(services, testConfig));
}
