import { createApp } from '../../../web/src/app.js';
import type { Services } from '../../../web/src/services/index.js';
import { testConfig } from './fakeServices.js';
import { startTestServer, type TestServer } from './startTestServer.js';

/** The real app, on fake services, listening on a free port. */
export function startTestApp(services: Services): Promise<TestServer> {
  return startTestServer(createApp(services, testConfig));
}
