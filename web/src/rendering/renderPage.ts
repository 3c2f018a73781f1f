/**
 * The shared way to answer with an HTML page: render the template, then set status and
 * cache profile together. Status and caching are only applied once rendering succeeded,
 * so a template that fails cannot leave a cacheable header behind for the error page.
 * A render that finishes after the request was already answered (the render budget's 503,
 * setUpRenderBudget) sends nothing.
 */
import type { Response } from 'express';
import { applyCacheProfile, type CacheProfileName } from '../cache/cacheProfiles';
import { setSurrogateKeys } from './surrogateKeys';

export interface RenderPageOptions {
  /** Defaults to 200. */
  readonly status?: number;
  readonly cacheProfile: CacheProfileName;
  /** CMS collection slugs the page was built from: the cache purges by them (Surrogate-Key). */
  readonly surrogateKeys?: readonly string[];
  /** More headers to send with the page (set only if the page is sent). */
  readonly headers?: Readonly<Record<string, string>>;
}

export function renderPage(
  res: Response,
  view: string,
  context: Readonly<Record<string, unknown>>,
  options: RenderPageOptions,
): Promise<void> {
  return new Promise((resolve, reject) => {
    res.render(view, context, (error: Error | null, html: string) => {
      if (res.headersSent) {
        resolve();
        return;
      }
      if (error) {
        reject(error);
        return;
      }
      if (options.headers !== undefined) res.set(options.headers);
      res.status(options.status ?? 200);
      applyCacheProfile(res, options.cacheProfile);
      setSurrogateKeys(res, options.surrogateKeys);
      res.type('html').send(html);
      resolve();
    });
  });
}
