/**
 * python.org's `/psf/records/board/minutes/feed/`: RSS 2.0 of the 20 latest published minutes,
 * each titled "PSF Board Meeting Minutes for <date>", its body the minutes' HTML, dated midnight
 * of the meeting day.
 */
import type { MeetingMinutes } from '../services/minutesService';
import { minutesListPath } from '../services/minutesService';
import { xmlEscape } from './xmlEscape';

export function renderMinutesFeed(meetings: readonly MeetingMinutes[], siteUrl: string): string {
  const items = meetings.map((meeting) => {
    const link = `${siteUrl}${meeting.path}`;
    const pubDate = new Date(`${meeting.day}T00:00:00Z`).toUTCString();
    return `<item><title>${xmlEscape(meeting.title)}</title><link>${xmlEscape(link)}</link><description>${xmlEscape(meeting.contentHtml)}</description><pubDate>${pubDate}</pubDate><guid isPermaLink="true">${xmlEscape(link)}</guid></item>`;
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0"><channel>',
    '<title>PSF Board Meeting Minutes</title>',
    `<link>${xmlEscape(`${siteUrl}${minutesListPath}`)}</link>`,
    '<description>Minutes of the Python Software Foundation Board meetings</description>',
    '<language>en-us</language>',
    ...items,
    '</channel></rss>',
  ].join('\n');
}
