/**
 * Named Cache-Control profiles. Responses pick a profile by name instead of writing
 * header strings, so the policy lives here and tests can assert it by name.
 *
 * Every response gets noCache first (see setUpCacheDefaults); a route opts into caching
 * explicitly. Forgetting to choose a profile therefore costs performance, never
 * correctness: a page with an error or personal data is not cached by accident.
 */
import type { ServerResponse } from 'node:http';

export const cacheProfiles = {
  /** Public pages and static files: shared caches may keep them for five minutes. */
  public: 'public, max-age=300',
  /** Per-visitor pages (a form with a CSRF token): browsers may keep them, shared caches never. */
  private: 'private, no-cache',
  /**
   * Pages that show who is signed in or carry a form token for one visitor (the account pages,
   * /authenticated): no cache may keep them, not even the browser's (a shared computer's back
   * button must not show the previous visitor's profile form).
   */
  personal: 'private, no-store',
  /** Errors, health checks and anything that must always be fresh. */
  noCache: 'no-cache, no-store, must-revalidate',
} as const satisfies Readonly<Record<string, string>>;

export type CacheProfileName = keyof typeof cacheProfiles;

export function applyCacheProfile(res: ServerResponse, profile: CacheProfileName): void {
  res.setHeader('Cache-Control', cacheProfiles[profile]);
}
