/**
 * The JobPostingService over the CMS's REST routes for jobs (Payload's own create, read and
 * update under the collection's access, and the review endpoints of collections/Jobs/endpoints),
 * through the one CMS client, as the visitor's account. Payload answers a refusal with
 * `{ errors: [{ message, data: { errors: [{ path, message }] } }] }`: its message and field
 * errors become the failure the form shows; a 5xx throws (CmsUnavailableError), as elsewhere.
 */
import type { AccountResponse, CmsClient } from '../cms/client';
import { parseJobDoc } from '../cms/parse/jobDocs';
import type { JobDoc } from '../cms/types';
import type { JobFailure, JobFormInput, JobPostingService, ReviewComment, ReviewQueue } from './jobPostingService';

const FAILURE_STATUSES: readonly JobFailure['status'][] = [400, 401, 403, 404, 409, 429];
export const ownJobsPerPage = 25;

/** A session as Payload signs it (a JWT), as the account service checks it. */
const SESSION_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const SIGN_IN_AGAIN: JobFailure = { ok: false, status: 401, message: 'Please sign in.', errors: {} };

function validSession(session: string): boolean {
  return session.length <= 4096 && SESSION_PATTERN.test(session);
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** Payload's error list, or our endpoints' `{ message, errors: { field: message } }`. */
export function jobFailureOf(response: AccountResponse): JobFailure {
  const status = FAILURE_STATUSES.includes(response.status as JobFailure['status']) ? (response.status as JobFailure['status']) : 400;
  const errors: Record<string, string> = {};
  let message = typeof response.body['message'] === 'string' ? response.body['message'] : '';
  const list = response.body['errors'];
  if (Array.isArray(list)) {
    const first = record(list[0]);
    if (first !== null && typeof first['message'] === 'string' && message === '') message = first['message'];
    const details = record(first?.['data'])?.['errors'];
    if (Array.isArray(details)) {
      for (const detail of details.slice(0, 50)) {
        const entry = record(detail);
        if (entry !== null && typeof entry['path'] === 'string' && typeof entry['message'] === 'string') errors[entry['path']] = entry['message'];
      }
    }
  } else {
    const map = record(list);
    if (map !== null) for (const [key, value] of Object.entries(map)) errors[key] = String(value);
  }
  if (status === 403 && message === 'You are not allowed to perform this action.') message = 'Your account may not change this job.';
  if (status === 404) message = 'There is no such job among yours.';
  const retryAfter = response.retryAfterSeconds;
  return { ok: false, status, message: message || 'That did not work; please try again.', errors, ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter }) };
}

/** What the CMS stores, from the form (checked again there: the collection's validation). */
function jobBody(input: JobFormInput): Record<string, unknown> {
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    title: input.title.trim(),
    companyName: input.companyName.trim(),
    category: /^[1-9]\d{0,9}$/.test(input.category) ? Number(input.category) : null,
    types: input.types.filter((id) => /^[1-9]\d{0,9}$/.test(id)).map(Number),
    otherJobType: optional(input.otherJobType),
    city: input.city.trim(),
    region: optional(input.region),
    country: input.country.trim(),
    description: input.description,
    requirements: input.requirements,
    companyDescription: optional(input.companyDescription),
    contactName: optional(input.contactName),
    email: input.email.trim(),
    url: input.url.trim(),
    remote: input.remote,
    agencies: input.agencies,
  };
}

function parseDoc(value: unknown): JobDoc | null {
  try {
    return parseJobDoc(value, 'job');
  } catch {
    return null;
  }
}

function parseComments(value: unknown): ReviewComment[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    const entry = record(item);
    if (entry === null || typeof entry['comment'] !== 'string') return [];
    return [{ comment: entry['comment'], createdAt: typeof entry['createdAt'] === 'string' ? entry['createdAt'] : '', by: typeof entry['by'] === 'string' ? entry['by'] : null }];
  });
}

export function createJobPostingService(client: CmsClient): JobPostingService {
  const ok = (message = '') => ({ ok: true as const, value: undefined, message });

  return {
    async create(session, input, visitorAddress) {
      if (!validSession(session)) return SIGN_IN_AGAIN;
      const response = await client.jobsRequest({ method: 'POST', path: '', query: new URLSearchParams({ depth: '0' }), session, visitorAddress, body: { ...jobBody(input), status: 'draft' } });
      if (response.status !== 201 && response.status !== 200) return jobFailureOf(response);
      const id = record(response.body['doc'])?.['id'];
      if (typeof id !== 'number') throw new Error('The CMS created the job but answered no id.');
      return { ok: true, value: { id }, message: '' };
    },

    async own(session, accountId, id) {
      if (!validSession(session) || !Number.isInteger(id) || id < 1) return null;
      const response = await client.jobsRequest({ method: 'GET', path: `/${id}`, query: new URLSearchParams({ depth: '0' }), session });
      if (response.status !== 200) return null;
      const doc = parseDoc(response.body);
      return doc !== null && doc.submittedBy === accountId ? doc : null;
    },

    async update(session, id, input) {
      if (!validSession(session)) return SIGN_IN_AGAIN;
      const response = await client.jobsRequest({ method: 'PATCH', path: `/${id}`, query: new URLSearchParams({ depth: '0' }), session, body: jobBody(input) });
      return response.status === 200 ? ok() : jobFailureOf(response);
    },

    async move(session, id, status) {
      if (!validSession(session)) return SIGN_IN_AGAIN;
      const response = await client.jobsRequest({ method: 'PATCH', path: `/${id}`, query: new URLSearchParams({ depth: '0' }), session, body: { status } });
      return response.status === 200 ? ok() : jobFailureOf(response);
    },

    async mine(session, accountId, page) {
      if (!validSession(session)) return null;
      const query = new URLSearchParams({ 'where[submittedBy][equals]': String(accountId), sort: '-createdAt', limit: String(ownJobsPerPage), page: String(page), depth: '0' });
      const response = await client.jobsRequest({ method: 'GET', path: '', query, session });
      if (response.status !== 200) return null;
      const docs = Array.isArray(response.body['docs']) ? response.body['docs'] : [];
      const total = typeof response.body['totalDocs'] === 'number' ? response.body['totalDocs'] : 0;
      const pages = Math.max(1, Math.ceil(total / ownJobsPerPage));
      if (page > pages) return null;
      return { jobs: docs.map(parseDoc).filter((doc): doc is JobDoc => doc !== null), total, page, pages };
    },

    async reviewQueue(session) {
      if (!validSession(session)) return SIGN_IN_AGAIN;
      const response = await client.jobsRequest({ method: 'GET', path: '/review-queue', session });
      if (response.status !== 200) return jobFailureOf(response);
      const raw = Array.isArray(response.body['queue']) ? response.body['queue'] : [];
      const entries = raw.flatMap((item: unknown) => {
        const entry = record(item);
        const job = parseDoc(entry?.['job']);
        return job === null ? [] : [{ job, comments: parseComments(entry?.['comments']) }];
      });
      const queue: ReviewQueue = {
        moderator: typeof response.body['moderator'] === 'string' ? response.body['moderator'] : '',
        entries,
        total: typeof response.body['total'] === 'number' ? response.body['total'] : entries.length,
      };
      return { ok: true, value: queue, message: '' };
    },

    async review(session, id, action, comment) {
      if (!validSession(session)) return SIGN_IN_AGAIN;
      const response = await client.jobsRequest({ method: 'POST', path: `/${id}/review`, session, body: { action, comment } });
      if (response.status !== 200) return jobFailureOf(response);
      return ok(typeof response.body['message'] === 'string' ? response.body['message'] : '');
    },
  };
}
