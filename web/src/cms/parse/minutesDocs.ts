/** Parser for PSF Board minutes. */
import type { z } from 'zod';

import type { BoardMinutes } from '../../../../collections/generated/payload-types';
import type { MinutesDoc } from '../types';
import { docParser } from './docParser';
import { fieldsOf, finiteNumber, requiredString, stringOr } from './schemaFields';

export const parseMinutesDoc = docParser(
  fieldsOf<BoardMinutes>()({
    id: finiteNumber,
    // The day is the page's address: anything but a calendar day is refused, never linked.
    meetingDate: requiredString
      .transform((meetingDate) => meetingDate.slice(0, 10))
      .refine((day) => /^\d{4}-\d{2}-\d{2}$/.test(day), { error: 'is not a date' }),
    contentHtml: stringOr(''),
  }).transform(({ meetingDate, ...doc }) => ({ ...doc, day: meetingDate })) satisfies z.ZodType<MinutesDoc>,
);
