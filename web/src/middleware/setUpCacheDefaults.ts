/**
 * Gives every response a Cache-Control header before any route runs: noCache, which a
 * route replaces with a cacheable profile when it knows the response is public.
 */
import type { Express } from 'express';
import { applyCacheProfile } from '../cache/cacheProfiles';

export function setUpCacheDefaults(app: Express): void {
  app.use((_req, res, next) => {
    applyCacheProfile(res, 'noCache');
    next();
  });
}
