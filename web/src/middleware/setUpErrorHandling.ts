/**
 * Registers the 404 handler and the error handler chain. Must be the last setUp call:
 * Express runs these only when nothing before them answered.
 */
import type { Express } from 'express';
import { createRedirectOnNotFound } from '../errors/redirectOnNotFound';
import { errorHandlers, sendNotFound } from '../errors/errorHandlers';
import type { PageService } from '../services/pageService';

/**
 * With `redirects`, a 404 raised by an app route (an old event, story or release address)
 * consults the redirect table first, as python.org's RedirectFallbackMiddleware does for every
 * 404. The catch-all route has already consulted it for paths no route claims.
 */
export function setUpErrorHandling(app: Express, redirects?: Pick<PageService, 'redirectFor'>): void {
  app.use(sendNotFound);
  if (redirects !== undefined) app.use(createRedirectOnNotFound(redirects));
  for (const handler of errorHandlers) app.use(handler);
}
