/**
 * Every request gets WEB_RENDER_BUDGET_MS to be answered. A render still waiting past it (a
 * slow CMS: each read has CMS_TIMEOUT_MS, but a page makes several; a lock held somewhere; a
 * service that never settles) is answered with the 503 page, which the page cache in front
 * turns into the stale copy when it has one (createCachingHandler). Whatever the render does
 * later is dropped: renderPage sends nothing once an answer is out, and the error chain leaves
 * a finished response alone.
 *
 * This bounds waiting, not computing: a render that blocks the event loop cannot be
 * interrupted from inside the process; the cluster primary's watchdog replaces that worker.
 */
import type { Express } from 'express';
import { cmsRetryAfterSeconds } from '../errors/errorHandlers';
import { renderPage } from '../rendering/renderPage';
import { redactUrl } from '../../../lib/log/redaction';
import { logFor } from '../log';

export function setUpRenderBudget(app: Express, budgetMs: number): void {
  app.use((req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      logFor(req).warn(`${req.method} ${redactUrl(req.originalUrl)} not answered within ${budgetMs} ms; answering 503 (or the stale copy)`);
      renderPage(res, 'errors/503.njk', {}, { status: 503, cacheProfile: 'noCache', headers: { 'Retry-After': String(cmsRetryAfterSeconds) } }).catch(
        (error: unknown) => {
          logFor(req).error({ err: error }, `the 503 page failed to render for ${req.method} ${redactUrl(req.originalUrl)}`);
          if (!res.headersSent) res.status(503).type('text').send('Service unavailable: please try again in a moment.');
        },
      );
    }, budgetMs);
    // 'close' comes after the answer was sent and when the client went away: no timer is left.
    res.once('close', () => clearTimeout(timer));
    next();
  });
}
