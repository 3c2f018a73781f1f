/**
 * Machine-readable URLs parsed back with real parsers: the releases RSS (rss-parser), the
 * iCal feeds (node-ical, recurrences expanded and the skipped week left out), sitemap, robots.
 */
import ical, { type VEvent } from 'node-ical';
import Parser from 'rss-parser';
import { describe, expect, inject, it } from 'vitest';

const webUrl = inject('webUrl');
const publicCache = 'public, max-age=300';

describe('feeds on the seeded site', () => {
  it('/downloads/feed.rss holds the 10 newest releases, newest first', async () => {
    const response = await fetch(`${webUrl}/downloads/feed.rss`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe(publicCache);
    expect(response.headers.get('surrogate-key')).toBe('releases');
    const feed = await new Parser().parseString(await response.text());
    expect(feed.title).toBe('Python Releases');
    expect(feed.items).toHaveLength(10);
    expect(feed.items[0]?.title).toMatch(/^Python \d+\.\d+/);
    expect(feed.items[0]?.link).toMatch(new RegExp(`^${webUrl}/downloads/release/python-\\d+/$`));
    expect(feed.items[0]?.content).toMatch(/^Release date: /);
    const dates = feed.items.map((item) => Date.parse(item.pubDate ?? ''));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it('a calendar feed expands the weekly meetup, without the skipped week', async () => {
    const response = await fetch(`${webUrl}/events/python-user-group/feed.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe(publicCache);
    const events = Object.values(ical.sync.parseICS(await response.text())).filter((entry): entry is VEvent => entry?.type === 'VEVENT');
    const meetups = events.filter((event) => String(event.summary).startsWith('Weekly Python User Group Meetup'));
    // FREQ=WEEKLY;COUNT=12 with one EXDATE.
    expect(meetups).toHaveLength(11);
    const starts = meetups.map((event) => new Date(event.start).getTime()).sort((a, b) => a - b);
    const gaps = starts.slice(1).map((start, index) => (start - (starts[index] ?? 0)) / 86_400_000);
    expect(gaps.filter((days) => days === 14)).toHaveLength(1);
    expect(gaps.filter((days) => days === 7)).toHaveLength(9);
    const first = meetups[0];
    expect(first?.end).toBeDefined();
    expect(first && first.end && (first.end.getTime() - first.start.getTime()) / 60_000).toBe(120);
  });

  it('an event feed holds that event', async () => {
    const eventsPage = await (await fetch(`${webUrl}/events/python-events/`)).text();
    const path = /href="(\/events\/python-events\/\d+\/)"/.exec(eventsPage)?.[1];
    expect(path).toBeDefined();
    const response = await fetch(`${webUrl}${path}event.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const events = Object.values(ical.sync.parseICS(await response.text())).filter((entry): entry is VEvent => entry?.type === 'VEVENT');
    expect(events.length).toBeGreaterThan(0);
  });

  it('/sitemap.xml lists the fixed sections, releases and CMS pages; robots.txt points to it', async () => {
    const response = await fetch(`${webUrl}/sitemap.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe(publicCache);
    const xml = await response.text();
    for (const path of ['/', '/downloads/', '/downloads/release/python-3147/', '/about/', '/events/python-user-group/']) {
      expect(xml).toContain(`<loc>${webUrl}${path}</loc>`);
    }
    const robots = await fetch(`${webUrl}/robots.txt`);
    expect(robots.status).toBe(200);
    expect(await robots.text()).toContain(`Sitemap: ${webUrl}/sitemap.xml`);
  });
});
