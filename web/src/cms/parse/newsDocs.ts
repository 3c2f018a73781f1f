/** Parser for news entries (posts of the Python Insider blog). */
import type { z } from 'zod';

import type { News } from '../../../../collections/generated/payload-types';
import type { NewsDoc } from '../types';
import { docParser } from './docParser';
import { fieldsOf, finiteNumber, httpUrl, optionalString, requiredString } from './schemaFields';

export const parseNewsDoc = docParser(
  fieldsOf<News>()({
    id: finiteNumber,
    title: requiredString,
    url: httpUrl,
    summary: optionalString,
    publishedAt: requiredString,
    author: optionalString,
  }) satisfies z.ZodType<NewsDoc>,
);
