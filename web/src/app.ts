/**
 * Builds the renderer's Express app. Reads as the ordered list of what happens to a
 * request; the order matters (headers before anything can answer, error handling last).
 * Takes its services as an argument so tests can run the real app on fake data.
 */
import express, { type Express } from 'express';
import type { WebConfig } from './config.js';
import { setUpCacheDefaults } from './middleware/setUpCacheDefaults.js';
import { setUpErrorHandling } from './middleware/setUpErrorHandling.js';
import { setUpSecurityHeaders } from './middleware/setUpSecurityHeaders.js';
import { setUpStaticFiles } from './middleware/setUpStaticFiles.js';
import { setUpViews } from './middleware/setUpViews.js';
import { setUpRoutes } from './routes/index.js';
import type { Services } from './services/index.js';

export function createApp(services: Services, config: WebConfig): Express {
  const app = express();

  setUpSecurityHeaders(app);
  setUpCacheDefaults(app);
  setUpStaticFiles(app);
  setUpViews(app, config);
  setUpRoutes(app, services);
  setUpErrorHandling(app);

  return app;
}
