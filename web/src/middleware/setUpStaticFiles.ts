/**
 * Serves web/public/ under /static/. Missing files fall through to the normal 404 page.
 */
import express, { type Express } from 'express';
import { applyCacheProfile } from '../cache/cacheProfiles';
import { publicDirectory } from '../paths';

export function setUpStaticFiles(app: Express): void {
  app.use(
    '/static',
    express.static(publicDirectory, {
      // serve-static would send its own "public, max-age=0"; our profile decides instead.
      cacheControl: false,
      setHeaders: (res) => applyCacheProfile(res, 'public'),
      dotfiles: 'ignore',
      index: false,
      redirect: false,
    }),
  );
}
