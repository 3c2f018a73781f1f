/**
 * The renderer's zod schemas for CMS answers (web/src/cms/parse/): what Payload leaves out of
 * an answer reads as the collection's default, a malformed answer is a TypeError naming the
 * document and field (the client's CmsResponseError), and a schema cannot name a field its
 * collection does not have (checked by tsc through the @ts-expect-error lines).
 */
import { describe, expect, it } from 'vitest';
import type { Event, Release } from '../../../collections/generated/payload-types';
import { parsePaginatedDocs, parseReleaseDoc } from '../../../web/src/cms/parseDocs';
import { parseEventDoc } from '../../../web/src/cms/parse/eventDocs';
import { parseJobDoc } from '../../../web/src/cms/parse/jobDocs';
import { parseMinutesDoc } from '../../../web/src/cms/parse/minutesDocs';
import { parseNavigationItemDoc, parseRedirectDoc } from '../../../web/src/cms/parse/siteDocs';
import { parseSearchResults } from '../../../web/src/cms/parse/searchResults';
import { parseStoryDoc } from '../../../web/src/cms/parse/storyDocs';
import { fieldsOf, optionalBoolean, requiredString } from '../../../web/src/cms/parse/schemaFields';
import { jobFormInputOf } from '../../../web/src/services/jobFormChecks';

describe('the CMS answer schemas', () => {
  it('read what Payload leaves out as the collection does', () => {
    expect(parseReleaseDoc({ id: 1, name: 'Python 3.14.7', slug: 'python-3147', version: 3, releasePage: { id: 9 } }, 'body')).toEqual({
      id: 1,
      name: 'Python 3.14.7',
      slug: 'python-3147',
      version: 3,
      isLatest: false,
      isPublished: false,
      preRelease: false,
      showOnDownloadPage: false,
      releaseDate: null,
      releaseNotesUrl: null,
      releasePageId: 9,
      contentHtml: '',
    });
    expect(parseNavigationItemDoc({ id: 2, title: 'About', url: '/about/', hint: '' }, 'docs[0]')).toMatchObject({ hint: null, parentId: null, order: 0, hidden: false, inMenu: true, inBreadcrumbs: true });
    expect(parseRedirectDoc({ from: '/old/' }, 'docs[0]')).toEqual({ from: '/old/', to: '', permanent: false, match: 'exact', keepRest: false });
    expect(parseEventDoc({ id: 3, title: 'PyCon', calendar: 4, venue: 12, categories: [5, { id: 6, name: 'Conference' }] }, 'docs[0]')).toMatchObject({
      calendarId: 4,
      venue: null,
      categories: [{ id: 6, name: 'Conference', slug: null }],
      occurrences: [],
      recurrence: null,
      timezone: 'UTC',
    });
    expect(parseStoryDoc({ id: 1, name: 'S', slug: 's', companyName: 'C', companyUrl: 'https://c.example/', author: 'A', image: { url: '/media/x.png' } }, 'body')).toMatchObject({ image: { url: '/media/x.png', alt: '' }, status: 'published', pullQuote: '' });
    const job = parseJobDoc({ id: 1, title: 'T', companyName: 'C', city: 'X', country: 'Y', description: 'D', requirements: 'R', email: 'e@x.example', url: 'https://x.example/', createdAt: '2026-01-01', types: [1, { id: 2 }, 'x'] }, 'docs[0]');
    expect(job).toMatchObject({ typeIds: [1, 2], submittedBy: null, categoryId: null });
    expect(job).not.toHaveProperty('status');
    expect(parseMinutesDoc({ id: 1, meetingDate: '2026-03-04T00:00:00.000Z' }, 'docs[0]')).toEqual({ id: 1, day: '2026-03-04', contentHtml: '' });
    expect(parseSearchResults({ query: 'q', type: null, page: 1, totalPages: 1, total: 1, facets: { pages: 1 }, hits: [{ type: 'pages', id: 1, title: 'T', url: '/t/', highlightedTitle: 'T' }] }).hits[0]?.snippet).toBe('');
  });

  it('refuse a malformed answer with a message naming the document and the field', () => {
    const release = { id: 1, name: 'Python 3.14.7', slug: 'python-3147', version: 3 };
    expect(() => parseReleaseDoc({ ...release, version: '3' }, 'docs[2]')).toThrow(new TypeError('docs[2]: "version" is not a number'));
    expect(() => parseReleaseDoc({ ...release, slug: '' }, 'body')).toThrow(new TypeError('body: "slug" is not a non-empty string'));
    expect(() => parseReleaseDoc({ ...release, isLatest: 'yes' }, 'body')).toThrow(new TypeError('body: "isLatest" is not a boolean'));
    expect(() => parseReleaseDoc({ ...release, contentHtml: 42 }, 'body')).toThrow(new TypeError('body: "contentHtml" is not a string'));
    expect(() => parseReleaseDoc([release], 'body')).toThrow(new TypeError('body: expected an object'));
    expect(() => parseEventDoc({ id: 3, title: 'PyCon', calendar: null }, 'docs[0]')).toThrow(new TypeError('docs[0]: "calendar" is required'));
    expect(() => parseEventDoc({ id: 3, title: 'PyCon', calendar: 1, occurrences: [{ start: 'x' }] }, 'docs[0]')).toThrow(new TypeError('docs[0].occurrences[0]: "end" is not a non-empty string'));
    expect(() => parseRedirectDoc({ from: '/a/', match: 'regex' }, 'docs[0]')).toThrow(new TypeError('docs[0]: "match" is not a redirect match kind'));
    expect(() => parseMinutesDoc({ id: 1, meetingDate: 'March' }, 'docs[0]')).toThrow(new TypeError('docs[0]: "meetingDate" is not a date'));
    expect(() => parsePaginatedDocs({ docs: [], totalDocs: '0', limit: 10, page: 1 }, parseReleaseDoc)).toThrow(new TypeError('response body: "totalDocs" is not a number'));
  });

  it('are declared over the generated collection types', () => {
    // @ts-expect-error a renamed field (releases have no "isLatestRelease") fails the type-check
    fieldsOf<Release>()({ isLatestRelease: optionalBoolean });
    // @ts-expect-error a field read as another type than the collection's fails the type-check
    fieldsOf<Event>()({ featured: requiredString });
    expect(fieldsOf<Release>()({ isLatest: optionalBoolean }).parse({ isLatest: true })).toEqual({ isLatest: true });
  });
});

describe('posted forms', () => {
  it('read absent, repeated or odd fields as empty, never failing', () => {
    expect(jobFormInputOf(undefined)).toMatchObject({ title: '', types: [], remote: false });
    expect(jobFormInputOf({ title: ['a', 'b'], types: '3', remote: 'on' })).toMatchObject({ title: '', types: ['3'], remote: true, agencies: false });
  });
});
