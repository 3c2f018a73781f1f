/**
 * Errors thrown by the CMS client. Callers branch on the class: an unavailable CMS is an
 * outage (show a 503, retry later), a refused request is a bug or a contract drift between
 * renderer and CMS (log it loudly).
 *
 * Messages name the request path but never the CMS host: they end up in logs and in the
 * /health response, and the internal address is nobody else's business.
 */

/** The CMS could not be reached, timed out, or answered with a 5xx. */
export class CmsUnavailableError extends Error {
  override readonly name = 'CmsUnavailableError';

  constructor(
    message: string,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The CMS answered, but not with a usable 2xx response (4xx status or an unexpected body). */
export class CmsResponseError extends Error {
  override readonly name = 'CmsResponseError';

  constructor(
    message: string,
    readonly path: string,
    /** HTTP status of the CMS response; 2xx when the body was the problem. */
    readonly status: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
