import { describe, expect, it } from 'vitest';
import type { CmsClient } from '../../../web/src/cms/client';
import { CmsReadCache } from '../../../web/src/cms/CmsReadCache';
import type { BoxDoc } from '../../../web/src/cms/types';
import { createSiteService, DOWNLOAD_BOX_LABELS, HOME_BOX_LABELS, SUPERNAV_BOXES } from '../../../web/src/services/siteService';

const box = (label: string): BoxDoc => ({ label, content: `<p>${label}</p>`, markupType: 'html', contentHtml: `<p>${label}</p>` });

/** A client whose box reads go through a real read cache, as the renderer's do; counts the reads that reach the CMS. */
function countingClient(labels: readonly string[]) {
  const reads: string[][] = [];
  const cache = new CmsReadCache({ lifetimeMs: 60_000, maxEntries: 100 });
  const client = {
    findNavigationItems: async () => [],
    findActiveBanners: async () => [],
    findBoxes: (wanted: readonly string[]) =>
      cache.read(`boxes?${wanted.join(',')}`, { collection: 'boxes', embeds: [] }, async () => {
        reads.push([...wanted]);
        return labels.filter((label) => wanted.includes(label)).map(box);
      }),
  } as unknown as CmsClient;
  return { client, reads };
}

describe('siteService boxes', () => {
  it('reads the menu panels and the home and downloads boxes in one shared CMS read', async () => {
    const all = [...Object.values(SUPERNAV_BOXES), ...HOME_BOX_LABELS, ...DOWNLOAD_BOX_LABELS, 'psf-code-of-conduct'];
    const { client, reads } = countingClient(all);
    const site = createSiteService(client);
    const [chrome, home, downloads] = await Promise.all([site.chrome('/', 'site'), site.boxes(HOME_BOX_LABELS), site.boxes(DOWNLOAD_BOX_LABELS)]);

    expect(reads).toHaveLength(1);
    expect(Object.keys(chrome.supernav).sort()).toEqual(Object.keys(SUPERNAV_BOXES).sort());
    expect(Object.keys(home).sort()).toEqual([...HOME_BOX_LABELS].sort());
    expect(Object.keys(downloads).sort()).toEqual([...DOWNLOAD_BOX_LABELS].sort());

    // A box outside the shared set is read on its own, and alone.
    expect(await site.boxes(['psf-code-of-conduct'])).toEqual({ 'psf-code-of-conduct': '<p>psf-code-of-conduct</p>' });
    expect(reads).toHaveLength(2);
    expect(reads[1]).toEqual(['psf-code-of-conduct']);
  });
});
