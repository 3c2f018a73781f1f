/**
 * The one gateway from the renderer to the CMS. Every HTTP request web/ makes to Payload
 * goes through here, so timeouts, error classification, Payload's query language and
 * response checking live in one place, and services can be tested against a fake client.
 *
 * Reads are anonymous, so the CMS's access rules decide what is public (unpublished releases,
 * draft pages and stories are simply not returned). Previews are the one exception: they pass
 * the preview link's token, which reads that one draft as the editor who made the link.
 */
import type { CmsReadCache, CmsReadDependencies } from './CmsReadCache';
import { CmsResponseError, CmsUnavailableError } from './errors';
import { requestIdHeaders } from '../../../lib/log/requestId';
import { parseCalendarDoc, parseEventCategoryDoc, parseEventDoc, parseEventLocationDoc } from './parse/eventDocs';
import {
  parseBannerDoc,
  parseBoxDoc,
  parseCodeSampleDoc,
  parseNavigationItemDoc,
  parseOperatingSystemDoc,
  parsePageDoc,
  parseRedirectDoc,
  parseReleaseCycleDoc,
} from './parse/siteDocs';
import { parseErrorMessage, parseSearchResults, type SearchResultsDoc } from './parse/searchResults';
import { parseNewsDoc } from './parse/newsDocs';
import { parseJobDoc, parseJobTaxonDoc } from './parse/jobDocs';
import { parseElectionDoc, parseNominationDoc, parseNomineeDoc } from './parse/nominationDocs';
import { parseMinutesDoc } from './parse/minutesDocs';
import { parseLogoPlacements, parseSponsorshipPackageDoc } from './parse/sponsorDocs';
import { parseStoryCategoryDoc, parseStoryDoc } from './parse/storyDocs';
import { parsePaginatedDocs, parseReleaseDoc, parseReleaseFileDoc } from './parseDocs';
import { webLog } from '../log';
import type {
  BannerDoc,
  BoxDoc,
  ElectionDoc,
  NominationDoc,
  NomineeDoc,
  CalendarDoc,
  CodeSampleDoc,
  DocsPage,
  EventCategoryDoc,
  EventDoc,
  EventLocationDoc,
  JobDoc,
  JobTaxonDoc,
  LogoPlacementDoc,
  NavigationItemDoc,
  MinutesDoc,
  NewsDoc,
  OperatingSystemDoc,
  PageDoc,
  RedirectDoc,
  ReleaseCycleDoc,
  ReleaseDoc,
  ReleaseFileDoc,
  SponsorshipPackageDoc,
  StoryCategoryDoc,
  StoryDoc,
} from './types';

export interface CmsClientOptions {
  /** CMS origin (plus optional base path), without a trailing slash. */
  readonly baseUrl: string;
  /** Budget for one request, response body included. */
  readonly timeoutMs: number;
  /** Where anonymous reads are kept between purges; without one every call asks the CMS. */
  readonly readCache?: CmsReadCache;
  /**
   * PURGE_SECRET, the secret the CMS and its renderers share: sent as `X-Pydotorg-Renderer-Key`
   * so the CMS does not hold the renderer's whole-list reads to the anonymous limits (issue 18).
   */
  readonly rendererKey?: string | null;
}

export const rendererKeyHeader = 'x-pydotorg-renderer-key';

/** The fields of the public success-story form, as the CMS's submit endpoint takes them. */
export interface StorySubmissionInput {
  readonly name: string;
  readonly companyName: string;
  readonly companyUrl: string;
  readonly categorySlug: string;
  readonly author: string;
  readonly authorEmail: string;
  readonly pullQuote: string;
  readonly content: string;
}

export type StorySubmissionResult =
  | { readonly ok: true; readonly message: string }
  | {
      readonly ok: false;
      readonly status: number;
      readonly errors: Readonly<Record<string, string>>;
      /** With a 429: when the CMS takes submissions from this visitor again. */
      readonly retryAfterSeconds?: number;
    };

/** Documents an editor can preview, by collection. */
export type PreviewDoc =
  | { readonly collection: 'pages'; readonly doc: PageDoc }
  | { readonly collection: 'releases'; readonly doc: ReleaseDoc }
  | { readonly collection: 'success-stories'; readonly doc: StoryDoc };

export interface CmsClient {
  /** The published release flagged "latest" for a major version (2 or 3), or null. */
  findLatestRelease(version: number): Promise<ReleaseDoc | null>;
  /** Every published release, newest first. */
  findPublishedReleases(): Promise<readonly ReleaseDoc[]>;
  /** A published release by slug, or null (unpublished releases are not public). */
  findReleaseBySlug(slug: string): Promise<ReleaseDoc | null>;
  /** Files of the given releases (all of them when omitted), optionally of one OS. */
  findReleaseFiles(filter: {
    releaseIds?: readonly number[];
    osId?: number;
    downloadButton?: boolean;
    /** Name, URL, description and relations only: enough for lists of links. */
    summary?: boolean;
  }): Promise<readonly ReleaseFileDoc[]>;
  findOperatingSystems(): Promise<readonly OperatingSystemDoc[]>;
  findReleaseCycles(): Promise<readonly ReleaseCycleDoc[]>;
  /** The boxes with these labels; missing labels are simply absent. */
  findBoxes(labels: readonly string[]): Promise<readonly BoxDoc[]>;
  findNavigationItems(): Promise<readonly NavigationItemDoc[]>;
  findCodeSamples(): Promise<readonly CodeSampleDoc[]>;
  /** Active banners, oldest first. */
  findActiveBanners(): Promise<readonly BannerDoc[]>;
  /** The exact redirects from any of these paths. */
  findRedirects(fromPaths: readonly string[]): Promise<readonly RedirectDoc[]>;
  /** The prefix and pattern redirect rules, at most maxRedirectRules of them. */
  findRedirectRules(): Promise<readonly RedirectDoc[]>;
  /** A published page by its path (with leading and trailing slash), or null. */
  findPageByPath(path: string): Promise<PageDoc | null>;
  findPublishedPages(): Promise<readonly PageDoc[]>;
  findCalendars(): Promise<readonly CalendarDoc[]>;
  /** Every event, optionally of one calendar; venue and categories inline. */
  findEvents(filter: { calendarId?: number }): Promise<readonly EventDoc[]>;
  /** The categories of a calendar and those shared by all calendars, by name. */
  findEventCategories(filter: { calendarId: number }): Promise<readonly EventCategoryDoc[]>;
  /** The venues of a calendar and those shared by all calendars, by name. */
  findEventLocations(filter: { calendarId: number }): Promise<readonly EventLocationDoc[]>;
  findStoryCategories(): Promise<readonly StoryCategoryDoc[]>;
  /** Published stories, newest first. */
  findStories(filter: { categoryId?: number }): Promise<readonly StoryDoc[]>;
  findStoryBySlug(slug: string): Promise<StoryDoc | null>;
  /** The newest `limit` news entries (blog posts), newest first. */
  findLatestNews(limit: number): Promise<readonly NewsDoc[]>;
  /**
   * Published PSF Board minutes, newest meeting first: the days only (the archive, a meeting
   * page's sidebar), or with their content (`day` for one meeting, `limit` for the RSS feed).
   */
  findPublishedMinutes(filter: { readonly day?: string; readonly limit?: number; readonly withContent: boolean }): Promise<readonly MinutesDoc[]>;
  /** Every job type or category, by name (inactive ones too: old jobs still name them). */
  findJobTaxonomy(collection: 'job-types' | 'job-categories'): Promise<readonly JobTaxonDoc[]>;
  /**
   * One page of the jobs visitors may see (approved and unexpired: the CMS's access rule), newest
   * first, optionally of one type, category or place, or remote only.
   */
  findVisibleJobs(filter: JobFilter & { readonly page: number; readonly perPage: number }): Promise<DocsPage<JobDoc>>;
  /** A job visitors may see, or null. */
  findVisibleJob(id: number): Promise<JobDoc | null>;
  /**
   * The sponsor logos one publisher shows in one place (the CMS's logo placement API, issue 17):
   * finalized, current sponsorships with published logos, ordered by level.
   */
  findLogoPlacements(filter: { readonly publisher: string; readonly flight: string }): Promise<readonly LogoPlacementDoc[]>;
  /** Every sponsorship level (of every year), for the logo sizes of /psf/sponsors/. */
  findSponsorshipPackages(): Promise<readonly SponsorshipPackageDoc[]>;
  /** Sends a visitor's story to the CMS, which keeps it as a draft for the moderators. */
  /**
   * Sends the form to the CMS on the visitor's behalf; `visitorAddress` goes along as
   * `X-Forwarded-For`, so a CMS that trusts this renderer (TRUST_PROXY) limits per visitor.
   */
  submitStory(input: StorySubmissionInput, visitorAddress?: string): Promise<StorySubmissionResult>;
  /** The latest draft of a document, read with a preview link's token; null when not found, not allowed or expired. */
  findDraft(collection: PreviewDoc['collection'], id: string, token: string): Promise<PreviewDoc | null>;
  /**
   * The site search, `GET /api/search` with the visitor's q, type and page as given (the CMS
   * validates them; a refusal, 400 or 429, comes back with its message). Never cached: the index
   * changes on its own schedule. `visitorAddress` goes along as `X-Forwarded-For`, as for
   * submitStory, so the CMS's per-client limit counts visitors, not this renderer.
   */
  search(query: URLSearchParams, visitorAddress?: string): Promise<SearchOutcome>;
  /** Resolves when the CMS answers its health endpoint with a 2xx; throws otherwise. */
  health(): Promise<void>;
  /**
   * One call to the CMS's account endpoints (`/api/accounts/<path>`, issue 11), as the visitor:
   * `session` goes as `Authorization: JWT <session>`, `visitorAddress` as `X-Forwarded-For` (the
   * CMS limits sign-up, sign-in and resets per visitor). Never cached. A 4xx comes back with its
   * JSON body for the account service to read; a 5xx or no answer throws CmsUnavailableError.
   */
  accountRequest(request: AccountRequest): Promise<AccountResponse>;
  /** PSF elections (issue 13), newest first. */
  findElections(): Promise<readonly ElectionDoc[]>;
  /** The nominees the public sees in an election (accepted and approved), by name. */
  findVisibleNominees(electionId: number): Promise<readonly NomineeDoc[]>;
  /** The nominations the public sees of a nominee (accepted and approved), oldest first. */
  findVisibleNominations(nomineeId: number): Promise<readonly NominationDoc[]>;
  /**
   * One call to the CMS's REST API (`/api/<path>`) as the visitor's account, as accountRequest
   * does for the account endpoints: never cached; a 4xx comes back with its JSON body, a 5xx or
   * no answer throws CmsUnavailableError.
   */
  sessionRequest(request: SessionRequest): Promise<AccountResponse>;
  /**
   * One call to the job board's REST routes (`/api/jobs<path>`, issue 12) as the signed-in
   * visitor's account, the same way: the collection's access and workflow decide, and their 4xx
   * (with Payload's `{ errors: [...] }` body) comes back for the job posting service to show.
   */
  jobsRequest(request: JobsRequest): Promise<AccountResponse>;
  /**
   * One call to the CMS's membership endpoints (`/api/memberships/<path>`, issue 13) as the
   * signed-in visitor, in the same way as accountRequest: never cached, a 4xx comes back with its
   * JSON body, a 5xx or no answer throws CmsUnavailableError.
   */
  membershipRequest(request: AccountRequest): Promise<AccountResponse>;
  /**
   * One file posted to the CMS's REST API (`/api/<path>`) as the visitor's account, as a
   * multipart form (`file` and `fields`), e.g. a sponsor's required asset (issue 17). Answers as
   * sessionRequest does: a 4xx with its JSON body, a 5xx or no answer throws CmsUnavailableError.
   */
  sessionUpload(request: SessionUploadRequest): Promise<AccountResponse>;
  /**
   * A private file the visitor's account may read (`/api/<path>`, e.g. a sponsorship contract),
   * read whole up to `maxBytes`; null when the CMS refuses it (4xx) or it is larger. Never cached.
   */
  sessionDownload(request: { readonly path: string; readonly session: string; readonly maxBytes: number }): Promise<SessionFile | null>;
}

export interface SessionUploadRequest {
  /** Below /api/ (already URI-encoded). */
  readonly path: string;
  readonly session: string;
  readonly file: { readonly data: Uint8Array; readonly mimetype: string; readonly filename: string };
  readonly fields?: Readonly<Record<string, string>>;
}

export interface SessionFile {
  readonly contentType: string;
  readonly data: Buffer;
}

export interface SessionRequest extends Omit<AccountRequest, 'path'> {
  /** Below /api/, e.g. `nominations` or `nominations/12` (already URI-encoded). */
  readonly path: string;
  readonly query?: URLSearchParams;
}

export interface JobsRequest {
  readonly method: 'GET' | 'POST' | 'PATCH';
  /** Below /api/jobs, e.g. `` (the collection), `/12` or `/review-queue`. */
  readonly path: string;
  readonly query?: URLSearchParams;
  readonly body?: Readonly<Record<string, unknown>>;
  readonly session: string;
  readonly visitorAddress?: string;
}

export interface AccountRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Below /api/accounts/, e.g. `signin` or `profile/<username>` (already URI-encoded). */
  readonly path: string;
  readonly body?: Readonly<Record<string, unknown>>;
  readonly session?: string;
  readonly visitorAddress?: string;
}

export interface AccountResponse {
  readonly status: number;
  /** The JSON object the CMS answered ({} when it was not an object). */
  readonly body: Readonly<Record<string, unknown>>;
  /** Retry-After, in seconds, on a 429. */
  readonly retryAfterSeconds?: number;
}

/** What a job list may be narrowed to. */
export interface JobFilter {
  readonly typeId?: number;
  readonly categoryId?: number;
  readonly locationSlug?: string;
  readonly remote?: boolean;
}

export type SearchOutcome =
  | { readonly ok: true; readonly results: SearchResultsDoc }
  | { readonly ok: false; readonly status: 400 | 429; readonly message: string };

/** What events and stories embed at depth 1: their relations, and uploads in their rich text. */
const eventEmbeds = ['calendars', 'event-locations', 'event-categories', 'media'];
const storyEmbeds = ['story-categories', 'media'];

/** Payload pages are capped; this is above any collection the site lists in full. */
const allDocs = '1000';
/** Bound on the prefix and pattern rules the renderer reads and matches per 404. */
export const maxRedirectRules = 1000;

const releaseSummaryFields = ['name', 'slug', 'version', 'isLatest', 'isPublished', 'preRelease', 'showOnDownloadPage', 'releaseDate', 'releaseNotesUrl'];

/** Payload's REST `select`: only these fields (and the id) come back. */
function selectFields(fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [`select[${field}]`, 'true']));
}

/**
 * Payload's REST `select` in exclusion mode: every field but these. The CMS renders rich text
 * when it is saved and the site places that HTML (issue 16), so the Lexical source is weight the
 * renderer would fetch and never read.
 */
function withoutFields(fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [`select[${field}]`, 'false']));
}

export function createCmsClient(options: CmsClientOptions): CmsClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  async function send(path: string, init: { query?: URLSearchParams; method?: string; body?: string | FormData; headers?: Record<string, string> }): Promise<Response> {
    const url = init.query === undefined ? `${baseUrl}${path}` : `${baseUrl}${path}?${init.query.toString()}`;
    const method = init.method ?? 'GET';
    let response: Response;
    try {
      // `accept-encoding: identity`: fetch would ask for gzip or br, so the CMS compressed every
      // answer and this process inflated it again, two to four milliseconds of the two
      // processes' CPU per cold page (profiled, issue 14), to save bytes on a local network.
      response = await fetch(url, {
        method,
        headers: { accept: 'application/json', 'accept-encoding': 'identity', ...requestIdHeaders(), ...(options.rendererKey ? { [rendererKeyHeader]: options.rendererKey } : {}), ...init.headers },
        body: init.body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      throw new CmsUnavailableError(describeFetchFailure(method, path, error, options.timeoutMs), path, {
        cause: error,
      });
    }
    return response;
  }

  /** A call as the visitor (the account's session, the visitor's address); 4xx bodies are the caller's to read, 5xx throws. */
  async function sessionCall(
    path: string,
    request: { readonly method: string; readonly body?: Readonly<Record<string, unknown>>; readonly session?: string; readonly visitorAddress?: string; readonly query?: URLSearchParams },
  ): Promise<AccountResponse> {
    const headers: Record<string, string> = {};
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (request.session !== undefined) headers.authorization = `JWT ${request.session}`;
    if (request.visitorAddress !== undefined) headers['x-forwarded-for'] = request.visitorAddress;
    const response = await send(path, { method: request.method, body: request.body === undefined ? undefined : JSON.stringify(request.body), headers, query: request.query });
    if (response.status >= 500) {
      await response.body?.cancel().catch(() => undefined);
      throw new CmsUnavailableError(`${request.method} ${path} answered ${response.status}`, path);
    }
    // A body that is not JSON reads as {}; a body too slow to arrive is the CMS being unavailable.
    const body = await readJson(path, response).catch((error: unknown) => {
      if (error instanceof CmsResponseError) return {};
      throw error;
    });
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      status: response.status,
      body: typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {},
      ...(response.status === 429 && Number.isInteger(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    };
  }

  async function get(path: string, query?: URLSearchParams, headers?: Record<string, string>): Promise<Response> {
    return okOrThrow(path, await send(path, { query, headers }));
  }

  async function okOrThrow(path: string, response: Response): Promise<Response> {
    if (response.ok) return response;

    // Release the connection; the error body is not needed.
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 500) {
      throw new CmsUnavailableError(`GET ${path} answered ${response.status}`, path);
    }
    throw new CmsResponseError(`GET ${path} answered ${response.status}`, path, response.status);
  }

  async function readJson(path: string, response: Response): Promise<unknown> {
    try {
      return await response.json();
    } catch (error) {
      // The timeout also covers a body that arrives too slowly.
      if (isTimeout(error)) {
        throw new CmsUnavailableError(describeFetchFailure('GET', path, error, options.timeoutMs), path, {
          cause: error,
        });
      }
      throw new CmsResponseError(`GET ${path} returned a body that is not JSON`, path, response.status, {
        cause: error,
      });
    }
  }

  /** A list's unreadable document, left out of the page it was read for (see parsePaginatedDocs). */
  const reportUnreadable = (path: string) => (error: TypeError): void => {
    webLog.warn(`GET ${path}: left out an unreadable document (${error.message})`);
  };

  function parseBody<T>(path: string, body: unknown, parse: (body: unknown) => T): T {
    try {
      return parse(body);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new CmsResponseError(`GET ${path} returned an unexpected body (${detail})`, path, 200, {
        cause: error,
      });
    }
  }

  /**
   * A Payload REST list read. `embeds` names the collections whose documents a depth > 0 read
   * populates, so that the read cache drops it when one of them changes.
   */
  async function find<T>(
    collection: string,
    params: Record<string, string>,
    parseDoc: (value: unknown, where: string) => T,
    read: { headers?: Record<string, string>; embeds?: readonly string[] } = {},
  ): Promise<readonly T[]> {
    const { headers } = read;
    const path = `/api/${collection}`;
    const query = new URLSearchParams({ depth: '0', limit: allDocs, ...params });
    const load = async () => {
      const body = await readJson(path, await get(path, query, headers));
      return parseBody(path, body, (value) => parsePaginatedDocs(value, parseDoc, reportUnreadable(path))).docs;
    };
    // Reads with credentials see more than visitors do: never shared.
    if (options.readCache === undefined || headers !== undefined) return load();
    const dependencies: CmsReadDependencies = { collection, embeds: query.get('depth') === '0' ? [] : (read.embeds ?? 'undeclared') };
    return options.readCache.read(`${path}?${query.toString()}`, dependencies, load);
  }

  return {
    async findLatestRelease(version) {
      if (!Number.isInteger(version) || version < 1) {
        throw new RangeError(`version must be a positive integer, got ${version}`);
      }
      const docs = await find(
        'releases',
        {
          'where[isLatest][equals]': 'true',
          'where[version][equals]': String(version),
          'where[isPublished][equals]': 'true',
          limit: '1',
          ...withoutFields(['content']),
        },
        parseReleaseDoc,
      );
      return docs[0] ?? null;
    },

    findPublishedReleases() {
      // Lists need the summary only: leaving out the rich text and the files join keeps this
      // 274-release read small and fast for every cold downloads page.
      return find('releases', { 'where[isPublished][equals]': 'true', sort: '-releaseDate', ...selectFields(releaseSummaryFields) }, parseReleaseDoc);
    },

    async findReleaseBySlug(slug) {
      const docs = await find(
        'releases',
        { 'where[slug][equals]': slug, 'where[isPublished][equals]': 'true', limit: '1', ...withoutFields(['content']) },
        parseReleaseDoc,
      );
      return docs[0] ?? null;
    },

    findReleaseFiles(filter) {
      const params: Record<string, string> = { limit: '5000', sort: 'name' };
      if (filter.releaseIds !== undefined) params['where[release][in]'] = filter.releaseIds.join(',');
      if (filter.osId !== undefined) params['where[os][equals]'] = String(filter.osId);
      if (filter.downloadButton !== undefined) params['where[downloadButton][equals]'] = String(filter.downloadButton);
      if (filter.summary === true) Object.assign(params, selectFields(['name', 'url', 'description', 'release', 'os', 'downloadButton', 'isSource']));
      if (filter.releaseIds !== undefined && filter.releaseIds.length === 0) return Promise.resolve([]);
      return find('release-files', params, parseReleaseFileDoc);
    },

    findOperatingSystems() {
      return find('operating-systems', { sort: 'name' }, parseOperatingSystemDoc);
    },

    findReleaseCycles() {
      return find('release-cycles', { sort: '-firstRelease' }, parseReleaseCycleDoc);
    },

    findBoxes(labels) {
      if (labels.length === 0) return Promise.resolve([]);
      return find('boxes', { 'where[label][in]': labels.join(',') }, parseBoxDoc);
    },

    findNavigationItems() {
      return find('navigation-items', { sort: 'order' }, parseNavigationItemDoc);
    },

    findCodeSamples() {
      return find('code-samples', { 'where[isPublished][equals]': 'true', sort: 'order', limit: '5' }, parseCodeSampleDoc);
    },

    findActiveBanners() {
      // Oldest first: python.org's Banner.objects.filter(...).first() is the lowest id.
      return find('banners', { 'where[active][equals]': 'true', sort: 'id' }, parseBannerDoc);
    },

    async findRedirects(fromPaths) {
      if (fromPaths.length === 0) return [];
      // One read for every spelling of the path; `or` rather than `in`, whose comma-separated
      // value would split a path that contains a comma.
      const params: Record<string, string> = { 'where[and][0][match][equals]': 'exact', limit: String(fromPaths.length) };
      fromPaths.forEach((path, index) => {
        params[`where[and][1][or][${index}][from][equals]`] = path;
      });
      return find('redirects', params, parseRedirectDoc);
    },

    findRedirectRules() {
      // Prefix and pattern rules are few (python.org's nginx has about 70): read them all, cached
      // until a redirect changes, and match them here.
      return find('redirects', { 'where[match][not_equals]': 'exact', sort: 'from', limit: String(maxRedirectRules) }, parseRedirectDoc);
    },

    async findPageByPath(path) {
      const docs = await find(
        'pages',
        { 'where[path][equals]': path, 'where[_status][equals]': 'published', limit: '1', ...withoutFields(['content']) },
        parsePageDoc,
      );
      return docs[0] ?? null;
    },

    findPublishedPages() {
      return find('pages', { 'where[_status][equals]': 'published', sort: 'path', ...selectFields(['title', 'path', 'updatedAt']) }, parsePageDoc);
    },

    findCalendars() {
      return find('calendars', { sort: 'name' }, parseCalendarDoc);
    },

    findEvents(filter) {
      const params: Record<string, string> = { depth: '1', limit: '5000', ...withoutFields(['description']) };
      if (filter.calendarId !== undefined) params['where[calendar][equals]'] = String(filter.calendarId);
      return find('events', params, parseEventDoc, { embeds: eventEmbeds });
    },

    findEventCategories(filter) {
      return find('event-categories', ofCalendarOrShared(filter.calendarId), parseEventCategoryDoc);
    },

    findEventLocations(filter) {
      return find('event-locations', ofCalendarOrShared(filter.calendarId), parseEventLocationDoc);
    },

    findStoryCategories() {
      return find('story-categories', { sort: 'name' }, parseStoryCategoryDoc);
    },

    findStories(filter) {
      const params: Record<string, string> = { 'where[_status][equals]': 'published', sort: '-createdAt', depth: '1', ...withoutFields(['content']) };
      if (filter.categoryId !== undefined) params['where[category][equals]'] = String(filter.categoryId);
      return find('success-stories', params, parseStoryDoc, { embeds: storyEmbeds });
    },

    async findStoryBySlug(slug) {
      const docs = await find(
        'success-stories',
        { 'where[slug][equals]': slug, 'where[_status][equals]': 'published', limit: '1', depth: '1', ...withoutFields(['content']) },
        parseStoryDoc,
        { embeds: storyEmbeds },
      );
      return docs[0] ?? null;
    },

    findLatestNews(limit) {
      if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
      return find(
        'news',
        { sort: '-publishedAt', limit: String(limit), ...selectFields(['title', 'url', 'summary', 'publishedAt', 'author']) },
        parseNewsDoc,
      );
    },

    findPublishedMinutes(filter) {
      if (filter.limit !== undefined && (!Number.isInteger(filter.limit) || filter.limit < 1)) throw new RangeError(`limit must be a positive integer, got ${filter.limit}`);
      const params: Record<string, string> = { 'where[_status][equals]': 'published', sort: '-meetingDate' };
      if (filter.day !== undefined) {
        // Noon UTC of the day, as the CMS stores every meeting day (collections/Minutes).
        params['where[meetingDate][equals]'] = `${filter.day}T12:00:00.000Z`;
        params['limit'] = '1';
      }
      if (filter.limit !== undefined) params['limit'] = String(filter.limit);
      Object.assign(params, selectFields(filter.withContent ? ['meetingDate', 'contentHtml'] : ['meetingDate']));
      return find('minutes', params, parseMinutesDoc);
    },

    findJobTaxonomy(collection) {
      return find(collection, { sort: 'name', ...selectFields(['name', 'slug', 'active']) }, parseJobTaxonDoc);
    },

    async findVisibleJobs(filter) {
      if (!Number.isInteger(filter.page) || filter.page < 1) throw new RangeError(`page must be a positive integer, got ${filter.page}`);
      const path = '/api/jobs';
      const query = new URLSearchParams({ depth: '0', sort: '-createdAt', limit: String(filter.perPage), page: String(filter.page) });
      if (filter.typeId !== undefined) query.set('where[types][equals]', String(filter.typeId));
      if (filter.categoryId !== undefined) query.set('where[category][equals]', String(filter.categoryId));
      if (filter.locationSlug !== undefined) query.set('where[locationSlug][equals]', filter.locationSlug);
      if (filter.remote === true) query.set('where[remote][equals]', 'true');
      const load = async (): Promise<DocsPage<JobDoc>> => {
        const body = await readJson(path, await get(path, query));
        const parsed = parseBody(path, body, (value) => parsePaginatedDocs(value, parseJobDoc, reportUnreadable(path)));
        return { docs: parsed.docs, totalDocs: parsed.totalDocs, page: parsed.page, perPage: parsed.limit };
      };
      if (options.readCache === undefined) return load();
      return options.readCache.read(`${path}?${query.toString()}`, { collection: 'jobs', embeds: [] }, load);
    },

    async findVisibleJob(id) {
      if (!Number.isInteger(id) || id < 1) return null;
      const docs = await find('jobs', { 'where[id][equals]': String(id), limit: '1' }, parseJobDoc);
      return docs[0] ?? null;
    },

    async findLogoPlacements(filter) {
      const path = '/api/v2/sponsors/logo-placement/';
      const query = new URLSearchParams({ publisher: filter.publisher, flight: filter.flight });
      const load = async () => parseBody(path, await readJson(path, await get(path, query)), (value) => parseLogoPlacements(value, path));
      if (options.readCache === undefined) return load();
      // The answer is built from sponsorships, their sponsors, levels and logos: a change of any drops it.
      return options.readCache.read(`${path}?${query.toString()}`, { collection: 'sponsorships', embeds: ['sponsors', 'sponsorship-packages', 'media'] }, load);
    },

    findSponsorshipPackages() {
      return find('sponsorship-packages', { sort: '-year', ...selectFields(['name', 'slug', 'year', 'logoDimension']) }, parseSponsorshipPackageDoc);
    },

    async submitStory(input, visitorAddress) {
      const path = '/api/success-stories/submit';
      const response = await send(path, {
        method: 'POST',
        body: JSON.stringify(input),
        headers: { 'content-type': 'application/json', ...(visitorAddress === undefined ? {} : { 'x-forwarded-for': visitorAddress }) },
      });
      if (response.status >= 500) {
        await response.body?.cancel().catch(() => undefined);
        throw new CmsUnavailableError(`POST ${path} answered ${response.status}`, path);
      }
      const body = await readJson(path, response);
      if (response.ok) {
        const message = typeof body === 'object' && body !== null && 'message' in body ? String(body.message) : '';
        return { ok: true, message };
      }
      const retryAfter = Number(response.headers.get('retry-after'));
      if (response.status === 429 && Number.isInteger(retryAfter) && retryAfter > 0) {
        return { ok: false, status: 429, errors: parseErrorMap(body), retryAfterSeconds: retryAfter };
      }
      return { ok: false, status: response.status, errors: parseErrorMap(body) };
    },

    async findDraft(collection, id, token) {
      if (!/^\d{1,12}$/.test(id)) return null;
      // The CMS's preview endpoint takes the preview link's token for this one document only.
      const path = `/api/preview/${collection}/${id}`;
      const response = await send(path, { headers: { 'x-pydotorg-preview-token': token } });
      // Unknown id, expired token or no right to read it: all mean "nothing to preview".
      if (response.status === 401 || response.status === 403 || response.status === 404) {
        await response.body?.cancel().catch(() => undefined);
        return null;
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new CmsUnavailableError(`GET ${path} answered ${response.status}`, path);
      }
      const body = await readJson(path, response);
      if (collection === 'pages') return { collection, doc: parseBody(path, body, (v) => parsePageDoc(v, 'body')) };
      if (collection === 'releases') return { collection, doc: parseBody(path, body, (v) => parseReleaseDoc(v, 'body')) };
      return { collection, doc: parseBody(path, body, (v) => parseStoryDoc(v, 'body')) };
    },

    async search(query, visitorAddress) {
      const path = '/api/search';
      const response = await send(path, { query, headers: visitorAddress === undefined ? undefined : { 'x-forwarded-for': visitorAddress } });
      if (response.status === 400 || response.status === 429) {
        const message = parseErrorMessage(await readJson(path, response)) ?? 'The search could not be run.';
        return { ok: false, status: response.status, message };
      }
      const body = await readJson(path, await okOrThrow(path, response));
      return { ok: true, results: parseBody(path, body, parseSearchResults) };
    },

    accountRequest(request) {
      return sessionCall(`/api/accounts/${request.path}`, request);
    },

    sessionRequest(request) {
      return sessionCall(`/api/${request.path}`, request);
    },

    membershipRequest(request) {
      return sessionCall(`/api/memberships/${request.path}`, request);
    },

    jobsRequest(request) {
      return sessionCall(`/api/jobs${request.path}`, request);
    },

    async sessionUpload(request) {
      const path = `/api/${request.path}`;
      const form = new FormData();
      for (const [name, value] of Object.entries(request.fields ?? {})) form.set(name, value);
      form.set('file', new Blob([Uint8Array.from(request.file.data)], { type: request.file.mimetype }), request.file.filename);
      const response = await send(path, { method: 'POST', body: form, headers: { authorization: `JWT ${request.session}` } });
      if (response.status >= 500) {
        await response.body?.cancel().catch(() => undefined);
        throw new CmsUnavailableError(`POST ${path} answered ${response.status}`, path);
      }
      const body = await readJson(path, response).catch((error: unknown) => {
        if (error instanceof CmsResponseError) return {};
        throw error;
      });
      return { status: response.status, body: typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {} };
    },

    async sessionDownload(request) {
      const path = `/api/${request.path}`;
      const response = await send(path, { headers: { authorization: `JWT ${request.session}` } });
      if (response.status >= 500) {
        await response.body?.cancel().catch(() => undefined);
        throw new CmsUnavailableError(`GET ${path} answered ${response.status}`, path);
      }
      const declared = Number(response.headers.get('content-length'));
      if (!response.ok || (Number.isFinite(declared) && declared > request.maxBytes)) {
        await response.body?.cancel().catch(() => undefined);
        return null;
      }
      const data = Buffer.from(await response.arrayBuffer());
      return data.length > request.maxBytes ? null : { contentType: response.headers.get('content-type') ?? 'application/octet-stream', data };
    },

    findElections() {
      return find('elections', { sort: '-date', limit: '200' }, parseElectionDoc);
    },

    findVisibleNominees(electionId) {
      return find('nominees', { 'where[election][equals]': String(electionId), sort: 'name', limit: '500' }, parseNomineeDoc);
    },

    findVisibleNominations(nomineeId) {
      return find('nominations', { 'where[nominee][equals]': String(nomineeId), sort: 'createdAt', limit: '100' }, parseNominationDoc);
    },

    async health() {
      const response = await get('/api/health');
      await response.body?.cancel().catch(() => undefined);
    },
  };
}

/** Categories and venues belong to one calendar, or (no calendar set) to all of them. */
function ofCalendarOrShared(calendarId: number): Record<string, string> {
  return {
    'where[or][0][calendar][equals]': String(calendarId),
    'where[or][1][calendar][exists]': 'false',
    sort: 'name',
  };
}

/** `{ errors: { field: message } }` from the submit endpoint; anything else becomes one message. */
function parseErrorMap(body: unknown): Record<string, string> {
  if (typeof body === 'object' && body !== null && 'errors' in body) {
    const errors = body.errors;
    if (typeof errors === 'object' && errors !== null && !Array.isArray(errors)) {
      return Object.fromEntries(Object.entries(errors).map(([key, value]) => [key, String(value)]));
    }
  }
  return { body: 'The story could not be saved.' };
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

// undici reports every network failure as TypeError("fetch failed") and puts the useful
// part (ECONNREFUSED, ENOTFOUND...) in `cause.code`. Keep the code, drop the host.
function describeFetchFailure(method: string, path: string, error: unknown, timeoutMs: number): string {
  if (isTimeout(error)) return `${method} ${path} timed out after ${timeoutMs} ms`;
  const cause = error instanceof Error ? error.cause : undefined;
  const code =
    typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string'
      ? cause.code
      : undefined;
  return code === undefined ? `${method} ${path} failed: could not reach the CMS` : `${method} ${path} failed: ${code}`;
}
