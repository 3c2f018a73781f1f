/**
 * Nunjucks as the view engine. Autoescaping is on: a value from the CMS is text unless a
 * template says otherwise, so editors cannot inject markup by accident.
 */
import type { Express } from 'express';
import nunjucks from 'nunjucks';
import type { WebConfig } from '../config';
import { viewsDirectory } from '../paths';

export function setUpViews(app: Express, config: Pick<WebConfig, 'siteUrl'>): void {
  const environment = nunjucks.configure(viewsDirectory, {
    autoescape: true,
    express: app,
  });
  app.set('view engine', 'njk');
  environment.addGlobal('siteUrl', config.siteUrl);
  // A function, not a value, so a long-running process rolls over on New Year.
  environment.addGlobal('currentYear', () => new Date().getFullYear());
}
