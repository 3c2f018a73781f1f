/** Parser for the CMS's `GET /api/search` body (cms/endpoints/searchEndpoint.ts). */
import { z } from 'zod';

import { docParser } from './docParser';
import { finiteNumber, requiredString } from './schemaFields';

export interface SearchHitDoc {
  readonly type: string;
  readonly id: number;
  readonly title: string;
  readonly url: string;
  /** HTML from the CMS with <mark> around matches: sanitised again before it is shown. */
  readonly highlightedTitle: string;
  readonly snippet: string;
}

export interface SearchResultsDoc {
  readonly query: string;
  readonly type: string | null;
  readonly page: number;
  readonly totalPages: number;
  readonly total: number;
  /** Matches per type (pages, releases, events, success-stories), whatever the type filter. */
  readonly facets: Readonly<Record<string, number>>;
  readonly hits: readonly SearchHitDoc[];
}

const searchHitDocSchema = z.object(
  {
    type: requiredString,
    id: finiteNumber,
    title: requiredString,
    url: requiredString,
    highlightedTitle: requiredString,
    snippet: z.unknown().optional().transform((snippet) => (typeof snippet === 'string' ? snippet : '')),
  },
  { error: 'expected an object' },
) satisfies z.ZodType<SearchHitDoc>;

const searchResultsDocSchema = z.object(
  {
    query: requiredString,
    type: z.string({ error: 'is not a string or null' }).nullable(),
    page: finiteNumber,
    totalPages: finiteNumber,
    total: finiteNumber,
    facets: z.record(z.string(), finiteNumber, { error: 'expected an object' }),
    hits: z.array(searchHitDocSchema, { error: 'is not an array' }),
  },
  { error: 'expected an object' },
) satisfies z.ZodType<SearchResultsDoc>;

const parseSearchResultsAt = docParser(searchResultsDocSchema);

export function parseSearchResults(value: unknown): SearchResultsDoc {
  return parseSearchResultsAt(value, 'response body');
}

const payloadErrors = z.object({ errors: z.tuple([z.object({ message: z.string() })], z.unknown()) });

/** The message of a 400 in Payload's error shape, `{ errors: [{ message }] }`. */
export function parseErrorMessage(value: unknown): string | null {
  const parsed = payloadErrors.safeParse(value);
  return parsed.success ? parsed.data.errors[0].message : null;
}
