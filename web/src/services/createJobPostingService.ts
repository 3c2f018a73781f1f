/**
 * The JobPostingService over the CMS's REST routes for jobs (Payload's own create, read and
 * update under the collection's access, and the review endpoints of collections/Jobs/endpoints),
 * through the one CMS client, as the visitor's account. Payload answers a refusal with
 * `{ errors: [{ message, data: { errors: [{ path, message }] } }] }`: its message and field
 * errors become the failure the form shows; a 5xx throws (CmsUnavailableError), as elsewhere.
 */
import type { AccountResponse, CmsClient } from '../cms/client';
import { parseCreatedDocId } from '../cms/parse/createdDocId';
import { parseOwnJobsPage, parseReviewQueue } from '../cms/parse/jobAnswers';
import { jobDocSchema } from '../cms/parse/jobDocs';
import { text } from '../cms/parse/lenientFields';
import { failureOf, SIGN_IN_AGAIN, validSession } from './createAccountService';
import type { JobFailure, JobFormInput, JobPostingService, ReviewQueue } from './jobPostingService';

export const ownJobsPerPage = 25;

/** A CMS refusal (either of its shapes) as the failure the form shows, in the job board's words. */
export function jobFailureOf(response: AccountResponse): JobFailure {
  const failure = failureOf(response);
  if (failure.status === 403 && failure.message === 'You are not allowed to perform this action.') return { ...failure, message: 'Your account may not change this job.' };
  if (failure.status === 404) return { ...failure, message: 'There is no such job among yours.' };
  return failure;
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

export function createJobPostingService(client: CmsClient): JobPostingService {
  const ok = (message = '') => ({ ok: true as const, value: undefined, message });

  return {
    async create(session, input, visitorAddress) {
      if (!validSession(session)) return SIGN_IN_AGAIN;
      const response = await client.jobsRequest({ method: 'POST', path: '', query: new URLSearchParams({ depth: '0' }), session, visitorAddress, body: { ...jobBody(input), status: 'draft' } });
      if (response.status !== 201 && response.status !== 200) return jobFailureOf(response);
      const id = parseCreatedDocId(response.body);
      if (id === null) throw new Error('The CMS created the job but answered no id.');
      return { ok: true, value: { id }, message: '' };
    },

    async own(session, accountId, id) {
      if (!validSession(session) || !Number.isInteger(id) || id < 1) return null;
      const response = await client.jobsRequest({ method: 'GET', path: `/${id}`, query: new URLSearchParams({ depth: '0' }), session });
      if (response.status !== 200) return null;
      const doc = jobDocSchema.safeParse(response.body).data;
      return doc !== undefined && doc.submittedBy === accountId ? doc : null;
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
      const { docs, total } = parseOwnJobsPage(response.body);
      const pages = Math.max(1, Math.ceil(total / ownJobsPerPage));
      if (page > pages) return null;
      return { jobs: docs, total, page, pages };
    },

    async reviewQueue(session) {
      if (!validSession(session)) return SIGN_IN_AGAIN;
      const response = await client.jobsRequest({ method: 'GET', path: '/review-queue', session });
      if (response.status !== 200) return jobFailureOf(response);
      const queue: ReviewQueue = parseReviewQueue(response.body);
      return { ok: true, value: queue, message: '' };
    },

    async review(session, id, action, comment) {
      if (!validSession(session)) return SIGN_IN_AGAIN;
      const response = await client.jobsRequest({ method: 'POST', path: `/${id}/review`, session, body: { action, comment } });
      if (response.status !== 200) return jobFailureOf(response);
      return ok(text.parse(response.body['message']));
    },
  };
}
