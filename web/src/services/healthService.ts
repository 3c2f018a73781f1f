/**
 * Health of the renderer's dependencies, reported by /health?deep=1. It answers with a
 * result rather than throwing, because "the CMS is down" is the expected output of a
 * health check, not an error in it.
 */
import type { CmsClient } from '../cms/client';
import { CmsResponseError, CmsUnavailableError } from '../cms/errors';

export type DependencyHealth =
  | { readonly healthy: true }
  | { readonly healthy: false; readonly reason: string };

export interface HealthService {
  checkCms(): Promise<DependencyHealth>;
}

export function createHealthService(client: Pick<CmsClient, 'health'>): HealthService {
  return {
    async checkCms() {
      try {
        await client.health();
        return { healthy: true };
      } catch (error) {
        // Anything else is a bug in the renderer and should surface as one.
        if (error instanceof CmsUnavailableError || error instanceof CmsResponseError) {
          return { healthy: false, reason: error.message };
        }
        throw error;
      }
    },
  };
}
