/**
 * iCalendar (RFC 5545) for a calendar or one event. Recurring events are expanded: every
 * occurrence in the window is its own VEVENT (UID of the event plus the start), so any client
 * shows the same dates as the site, EXDATEs included.
 */
import type { EventDetail } from '../services/eventService';

export function renderICalendar(name: string, events: readonly EventDetail[], siteUrl: string, now: Date = new Date()): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Python Software Foundation//python.org events//EN', 'CALSCALE:GREGORIAN', `X-WR-CALNAME:${text(name)}`];
  for (const detail of events) {
    const { event } = detail;
    const description = stripTags(event.descriptionHtml);
    for (const occurrence of detail.occurrences) {
      lines.push(
        'BEGIN:VEVENT',
        `UID:${text(`${formatUtc(occurrence.start)}-${event.uid}`)}`,
        `DTSTAMP:${formatUtc(event.updatedAt ?? now)}`,
        ...(occurrence.allDay
          ? [`DTSTART;VALUE=DATE:${formatDate(occurrence.start)}`, `DTEND;VALUE=DATE:${formatDate(new Date(occurrence.end.getTime() + 86_400_000))}`]
          : [`DTSTART:${formatUtc(occurrence.start)}`, `DTEND:${formatUtc(occurrence.end)}`]),
        `SUMMARY:${text(event.title)}`,
        `URL:${siteUrl}${event.path}`,
        ...(event.venue === null ? [] : [`LOCATION:${text([event.venue.name, event.venue.address].filter(Boolean).join(', '))}`]),
        ...(description === '' ? [] : [`DESCRIPTION:${text(description)}`]),
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

function formatUtc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * RFC 5545 TEXT: backslash, semicolon and comma escaped, every line break (CRLF, LF or a lone CR,
 * which a reader takes as the end of the line and so as the start of a property of the sender's
 * choosing) written as \\n, and the other control characters, which TEXT may not hold, dropped.
 */
function text(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}

/** RFC 5545 lines are at most 75 octets; longer ones continue on lines starting with a space. */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const char of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (Buffer.byteLength(current + char, 'utf8') > limit) {
      parts.push(current);
      current = '';
    }
    current += char;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
