/**
 * The `Surrogate-Key` header: the CMS collections a response was built from, deduplicated,
 * so the page cache (and a CDN) can purge every page that shows a changed collection.
 */
import type { Response } from 'express';

/** Every HTML page shows the menu tree, its supernav boxes and (where python.org does) a banner. */
export const chromeSurrogateKeys = ['navigation-items', 'banners', 'boxes'] as const;

export function setSurrogateKeys(res: Response, keys: readonly string[] | undefined): void {
  if (keys === undefined || keys.length === 0) return;
  res.setHeader('Surrogate-Key', [...new Set(keys)].join(' '));
}
