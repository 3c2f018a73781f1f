/**
 * All public routes, in precedence order. Express tries them top to bottom, so specific
 * routes come first and any future catch-all (CMS pages by path) must stay last.
 */
import type { Express } from 'express';
import type { Services } from '../services/index';
import { createHealthRouter } from './health';
import { createHomeRouter } from './home';

export function setUpRoutes(app: Express, services: Services): void {
  app.use(createHealthRouter(services));
  app.use(createHomeRouter(services));
}
