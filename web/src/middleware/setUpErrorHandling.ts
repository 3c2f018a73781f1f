/**
 * Registers the 404 handler and the error handler chain. Must be the last setUp call:
 * Express runs these only when nothing before them answered.
 */
import type { Express } from 'express';
import { errorHandlers, sendNotFound } from '../errors/errorHandlers';

export function setUpErrorHandling(app: Express): void {
  app.use(sendNotFound);
  for (const handler of errorHandlers) app.use(handler);
}
