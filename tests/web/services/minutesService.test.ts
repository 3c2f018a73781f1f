/**
 * PSF Board minutes shaped for the site: the archive by year, one meeting with its year's other
 * meetings, the feed's latest, and days that are not dates answered as unknown without a read.
 */
import { describe, expect, it, vi } from 'vitest';
import type { CmsClient } from '../../../web/src/cms/client';
import type { MinutesDoc } from '../../../web/src/cms/types';
import { createMinutesService, isMeetingDay } from '../../../web/src/services/minutesService';
import { trustedRichTextHtml } from '../../../lib/markup/storedMarkup';

const paragraph = (text: string) => ({
  root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }] }] },
});

const published: MinutesDoc[] = [
  { id: 3, day: '2026-11-18', contentHtml: trustedRichTextHtml(paragraph('The board met in November.')) },
  { id: 2, day: '2026-02-11', contentHtml: trustedRichTextHtml(paragraph('The board met in February.')) },
  { id: 1, day: '2025-12-10', contentHtml: trustedRichTextHtml(paragraph('The board met in December.')) },
];

function clientWith(docs: readonly MinutesDoc[]) {
  const findPublishedMinutes = vi.fn(async (filter: { day?: string; limit?: number; withContent: boolean }) => {
    const chosen = filter.day === undefined ? docs : docs.filter((doc) => doc.day === filter.day);
    return chosen.slice(0, filter.limit ?? chosen.length).map((doc) => (filter.withContent ? doc : { ...doc, content: undefined, contentHtml: '' }));
  });
  return { client: { findPublishedMinutes } as unknown as CmsClient, findPublishedMinutes };
}

describe('minutesService', () => {
  it('groups the archive by year, newest year and meeting first', async () => {
    const { client } = clientWith(published);
    expect(await createMinutesService(client).archive()).toEqual([
      {
        year: '2026',
        meetings: [
          { day: '2026-11-18', date: 'November 18, 2026', path: '/psf/records/board/minutes/2026-11-18/' },
          { day: '2026-02-11', date: 'February 11, 2026', path: '/psf/records/board/minutes/2026-02-11/' },
        ],
      },
      { year: '2025', meetings: [{ day: '2025-12-10', date: 'December 10, 2025', path: '/psf/records/board/minutes/2025-12-10/' }] },
    ]);
  });

  it("shapes one meeting with its content and its year's other meetings", async () => {
    const { client } = clientWith(published);
    const meeting = await createMinutesService(client).meeting('2026-11-18');
    expect(meeting).toMatchObject({ day: '2026-11-18', title: 'PSF Board Meeting Minutes for November 18, 2026', path: '/psf/records/board/minutes/2026-11-18/' });
    expect(meeting?.contentHtml).toContain('The board met in November.');
    expect(meeting?.sameYear.map((other) => other.day)).toEqual(['2026-02-11']);
  });

  it('answers null for an unpublished day, and for a day that is no date without asking the CMS', async () => {
    const { client, findPublishedMinutes } = clientWith(published);
    const service = createMinutesService(client);
    expect(await service.meeting('2026-11-19')).toBeNull();
    findPublishedMinutes.mockClear();
    for (const day of ['2026-02-30', '2026-13-01', 'latest', '2026-1-1', '../../etc']) expect(await service.meeting(day)).toBeNull();
    expect(findPublishedMinutes).not.toHaveBeenCalled();
  });

  it('reads the latest minutes with their content for the feed', async () => {
    const { client, findPublishedMinutes } = clientWith(published);
    const latest = await createMinutesService(client).latest(2);
    expect(findPublishedMinutes).toHaveBeenCalledWith({ limit: 2, withContent: true });
    expect(latest.map((meeting) => meeting.day)).toEqual(['2026-11-18', '2026-02-11']);
  });

  it('knows a calendar day', () => {
    expect(isMeetingDay('2024-02-29')).toBe(true);
    expect(isMeetingDay('2025-02-29')).toBe(false);
  });
});
