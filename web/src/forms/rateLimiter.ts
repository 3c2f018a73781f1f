/**
 * A fixed-window rate limit per client address, in memory. Per process: with N renderer
 * processes a client gets at most N times the limit, which still stops a flood of drafts.
 */
export interface RateLimiter {
  /** True when this attempt is allowed (and counts it). */
  allow(key: string): boolean;
}

export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number }): RateLimiter {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    allow(key) {
      const time = now();
      if (windows.size > 10_000) {
        for (const [entryKey, entry] of windows) if (time - entry.start >= options.windowMs) windows.delete(entryKey);
      }
      const entry = windows.get(key);
      if (entry === undefined || time - entry.start >= options.windowMs) {
        windows.set(key, { start: time, count: 1 });
        return true;
      }
      entry.count += 1;
      return entry.count <= options.limit;
    },
  };
}
