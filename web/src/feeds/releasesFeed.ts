/**
 * python.org's `/downloads/feed.rss`: RSS 2.0 "Python Releases", one item per release with
 * "Release date: ..." as description.
 */
import type { ReleaseLink } from '../services/downloadService';
import { xmlEscape } from './xmlEscape';

export function renderReleasesFeed(releases: readonly ReleaseLink[], siteUrl: string): string {
  const items = releases.map((release) => {
    const link = `${siteUrl}${release.path}`;
    const pubDate = release.isoDate === '' ? '' : `<pubDate>${new Date(`${release.isoDate}T00:00:00Z`).toUTCString()}</pubDate>`;
    return `<item><title>${xmlEscape(release.name)}</title><link>${xmlEscape(link)}</link><description>Release date: ${xmlEscape(release.date)}</description>${pubDate}<guid isPermaLink="true">${xmlEscape(link)}</guid></item>`;
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0"><channel>',
    '<title>Python Releases</title>',
    `<link>${xmlEscape(`${siteUrl}/downloads/`)}</link>`,
    '<description>Latest Python releases</description>',
    '<language>en-us</language>',
    ...items,
    '</channel></rss>',
  ].join('\n');
}
