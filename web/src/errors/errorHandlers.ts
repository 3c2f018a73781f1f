/**
 * What the visitor sees when something goes wrong: a 404 handler, then a chain of small
 * error handlers, each dealing with one kind of error and passing the rest on. The last
 * one writes plain HTML without templates, so even a broken template or a view engine
 * failure ends in a proper 500 page. No handler shows an error message or stack trace
 * unless the error was written for the visitor (HttpError).
 *
 * Errors never reach Express's built-in handler, which prints stack traces outside
 * production.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { applyCacheProfile } from '../cache/cacheProfiles';
import { CmsUnavailableError } from '../cms/errors';
import { renderPage } from '../rendering/renderPage';
import { HttpError } from './HttpError';
import { redactUrl } from '../../../lib/log/redaction';
import { logFor } from '../log';

/** Seconds a client or CDN should wait before retrying while the CMS is down. */
export const cmsRetryAfterSeconds = 30;

export const sendNotFound: RequestHandler = (_req, res, next) => {
  renderPage(res, 'errors/404.njk', {}, { status: 404, cacheProfile: 'noCache' }).catch(next);
};

/**
 * Once the status line is out, a page cannot be sent: cut the connection instead. A response
 * already sent in full (the render budget answered first, and the late render then failed to
 * send its own) is left alone: cutting it would only break the visitor's keep-alive connection.
 */
const abortWhenHeadersSent: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (!res.headersSent) {
    next(error);
    return;
  }
  if (res.writableEnded) {
    logFor(req).warn(`${req.method} ${redactUrl(req.originalUrl)} failed after it was answered: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  logFor(req).error({ err: error }, `error after response started for ${req.method} ${redactUrl(req.originalUrl)}`);
  res.destroy();
};

const handleClientError: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  const status = clientErrorStatus(error);
  if (status === undefined) {
    next(error);
    return;
  }
  // Only our own HttpError messages are written for visitors; others (body parsers,
  // URL decoding) may echo internals.
  const message = error instanceof HttpError ? error.message : undefined;
  const view = status === 404 ? 'errors/404.njk' : 'errors/4xx.njk';
  renderPage(res, view, { status, message }, { status, cacheProfile: 'noCache' }).catch(next);
};

const handleCmsUnavailable: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (!(error instanceof CmsUnavailableError)) {
    next(error);
    return;
  }
  logFor(req).warn(`CMS unavailable for ${req.method} ${redactUrl(req.originalUrl)}: ${error.message}`);
  res.set('Retry-After', String(cmsRetryAfterSeconds));
  renderPage(res, 'errors/503.njk', {}, { status: 503, cacheProfile: 'noCache' }).catch(next);
};

const handleUnexpectedError: ErrorRequestHandler = (error: unknown, req, res, next) => {
  logFor(req).error({ err: error }, `unexpected error for ${req.method} ${redactUrl(req.originalUrl)}`);
  renderPage(res, 'errors/500.njk', {}, { status: 500, cacheProfile: 'noCache' }).catch(next);
};

/** Last resort: reached only when rendering the 500 page itself failed. */
const sendPlainHtmlFallback: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  logFor(req).error({ err: error }, `error page failed to render for ${req.method} ${redactUrl(req.originalUrl)}`);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  applyCacheProfile(res, 'noCache');
  res.status(500).type('html').send(plainHtmlErrorPage);
};

export const plainHtmlErrorPage =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Server error - Python.org</title></head>' +
  '<body><h1>Something went wrong</h1><p>Sorry, this page could not be shown. Please try again later.</p></body></html>';

/** In order: each handler deals with its kind of error or passes it on. */
export const errorHandlers: readonly ErrorRequestHandler[] = [
  abortWhenHeadersSent,
  handleClientError,
  handleCmsUnavailable,
  handleUnexpectedError,
  sendPlainHtmlFallback,
];

// Express, router and http-errors mark errors with `status` or `statusCode`
// (e.g. 400 for an undecodable URL); treat any such 4xx like an HttpError.
function clientErrorStatus(error: unknown): number | undefined {
  if (error instanceof HttpError) return error.status;
  if (typeof error !== 'object' || error === null) return undefined;
  const status = 'status' in error ? error.status : 'statusCode' in error ? error.statusCode : undefined;
  return typeof status === 'number' && status >= 400 && status <= 499 ? status : undefined;
}
