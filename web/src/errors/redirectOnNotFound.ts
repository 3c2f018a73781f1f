/**
 * python.org consults its redirect table on every 404 response, whoever raised it. Here an
 * app route's 404 (HttpError) passes through this handler first: a matching redirect record
 * answers instead; anything else, or a failure to read the table, goes on to the 404 page.
 */
import type { ErrorRequestHandler } from 'express';
import { searchOf, sendRedirection } from '../routes/sendRedirection';
import type { PageService } from '../services/pageService';
import { HttpError } from './HttpError';
import { redactUrl } from '../../../lib/log/redaction';
import { logFor } from '../log';

export function createRedirectOnNotFound(redirects: Pick<PageService, 'redirectFor'>): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (!(error instanceof HttpError) || error.status !== 404 || res.headersSent || (req.method !== 'GET' && req.method !== 'HEAD')) {
      next(error);
      return;
    }
    redirects
      .redirectFor(req.path, searchOf(req.originalUrl))
      .then(async (redirection) => {
        if (redirection === null) {
          next(error);
          return;
        }
        await sendRedirection(res, redirection);
      })
      .catch((lookupError: unknown) => {
        // The page is missing either way: show the 404 rather than a 503 for the table.
        logFor(req).warn(`redirect lookup failed for ${redactUrl(req.originalUrl)}: ${lookupError instanceof Error ? lookupError.message : String(lookupError)}`);
        next(error);
      });
  };
}
