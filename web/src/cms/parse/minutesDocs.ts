/** Parser for PSF Board minutes. */
import type { MinutesDoc } from '../types';
import { asObject, optionalRichText, optionalString, requireNumber, requireString } from './fieldReaders';

export function parseMinutesDoc(value: unknown, where: string): MinutesDoc {
  const fields = asObject(value, where);
  const meetingDate = requireString(fields, 'meetingDate', where);
  const day = meetingDate.slice(0, 10);
  // The day is the page's address: anything but a calendar day is refused, never linked.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new TypeError(`${where}: "meetingDate" is not a date`);
  return { id: requireNumber(fields, 'id', where), day, content: optionalRichText(fields, 'content', where), contentHtml: optionalString(fields, 'contentHtml', where) ?? '' };
}
