/**
 * Builds the renderer's Express app. Reads as the ordered list of what happens to a
 * request; the order matters (headers before anything can answer, error handling last).
 * Takes its services as an argument so tests can run the real app on fake data.
 */
import express, { type Express } from 'express';
import type { ThrottleStore } from '../../lib/throttle/RateLimiter';
import { requestIdMiddleware } from '../../lib/log/requestIdMiddleware';
import { normalizeAddress, trustsProxy } from '../../lib/throttle/clientAddress';
import type { WebConfig } from './config';
import { setUpCacheDefaults } from './middleware/setUpCacheDefaults';
import { setUpErrorHandling } from './middleware/setUpErrorHandling';
import { setUpPathGuard } from './middleware/setUpPathGuard';
import { setUpRenderBudget } from './middleware/setUpRenderBudget';
import { setUpSecurityHeaders } from './middleware/setUpSecurityHeaders';
import { setUpStaticFiles } from './middleware/setUpStaticFiles';
import { setUpViews } from './middleware/setUpViews';
import { accountFormThrottle } from './accounts/accountFormThrottle';
import { setUpRoutes } from './routes/index';
import { jobFormThrottle } from './routes/jobForms';
import { sponsorshipFormThrottle } from './routes/sponsorships';
import { storyFormThrottle } from './routes/stories';
import type { Services } from './services/index';
import { webLog } from './log';

export interface AppOptions {
  /** Where the site's request limits count: Redis with REDIS_URL (server.ts), else this process. */
  readonly throttleStore?: ThrottleStore;
}

export function createApp(services: Services, config: WebConfig, options: AppOptions = {}): Express {
  const app = express();
  // Behind a TLS-terminating proxy that TRUST_PROXY names, req.secure and req.ip come from its
  // X-Forwarded-Proto and X-Forwarded-For (cookies are then Secure); from anyone else, never.
  app.set('trust proxy', (address: string, hop: number) => trustsProxy(config.trustedProxies, address, hop));

  // First: every later line of this request, and its calls to the CMS, carry its id. An id
  // arriving in X-Request-Id is kept only from a proxy TRUST_PROXY names.
  app.use(requestIdMiddleware(webLog, (address) => {
    const peer = normalizeAddress(address);
    return peer !== null && trustsProxy(config.trustedProxies, peer, 0);
  }));
  setUpSecurityHeaders(app, config.mediaOrigin);
  setUpCacheDefaults(app);
  setUpRenderBudget(app, config.renderBudgetMs);
  setUpPathGuard(app);
  setUpStaticFiles(app);
  setUpViews(app, config);
  setUpRoutes(
    app,
    services,
    config.siteUrl,
    storyFormThrottle(config.storySubmissionsPerHour, config.trustedProxies, options.throttleStore),
    config.trustedProxies,
    accountFormThrottle(config.accountFormPostsPerHour, config.trustedProxies, options.throttleStore),
    jobFormThrottle(config.jobSubmissionsPerHour, config.trustedProxies, options.throttleStore),
    // Sponsorship applications share the job form's hourly budget (JOB_SUBMISSIONS_PER_HOUR), counted apart.
    sponsorshipFormThrottle(config.jobSubmissionsPerHour, config.trustedProxies, options.throttleStore),
  );
  setUpErrorHandling(app, services.pages);

  return app;
}
