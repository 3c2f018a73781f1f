/**
 * Crawls the seeded site from `/` and reports every internal link that does not resolve.
 * The target is zero: the message lists each broken URL with the pages linking to it.
 */
import { describe, expect, inject, it } from 'vitest';
import { crawlSite } from '../../support/crawlSite';

describe('link check of the seeded site', () => {
  it('finds no broken internal link', async () => {
    const result = await crawlSite(inject('webUrl'));
    const report = result.broken.map((link) => `${link.status} ${link.url} (linked from ${link.linkedFrom.join(', ')})`).join('\n');
    console.log(`link check: ${result.pagesChecked} URLs checked, ${result.broken.length} broken`);
    expect(result.pagesChecked).toBeGreaterThan(300);
    expect(report).toBe('');
  }, 300_000);
});
