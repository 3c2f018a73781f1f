/**
 * A JobPostingService in memory for the job form route tests: postings by account id, the
 * workflow's moves for a submitter (approved text edits go back to review), `moderators` (account
 * ids allowed the review queue), and `refuseNext` to answer the next call with a CMS refusal.
 */
import type { JobDoc } from '../../../web/src/cms/types';
import type { JobFailure, JobFormInput, JobPostingService, ReviewComment } from '../../../web/src/services/jobPostingService';
import { markdownHtml } from '../../../lib/markup/storedMarkup';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface FakeJobPostings extends JobPostingService {
  readonly jobs: Map<number, Mutable<JobDoc>>;
  readonly comments: Map<number, ReviewComment[]>;
  readonly moderators: Set<number>;
  /** Session -> account id (the route tests' fake accounts name sessions; this maps them). */
  accountOf: (session: string) => number | null;
  refuseNext: JobFailure | null;
  readonly calls: { method: string; visitorAddress?: string }[];
}

function docOf(id: number, accountId: number, input: JobFormInput, status: string): Mutable<JobDoc> {
  return {
    id,
    title: input.title,
    companyName: input.companyName,
    companyDescription: input.companyDescription || null,
    categoryId: Number(input.category) || null,
    typeIds: input.types.map(Number),
    otherJobType: input.otherJobType || null,
    city: input.city,
    region: input.region || null,
    country: input.country,
    locationSlug: null,
    remote: input.remote,
    agencies: input.agencies,
    description: input.description,
    requirements: input.requirements,
    // As the CMS renders them when the job is saved (collections/Jobs).
    descriptionHtml: markdownHtml(input.description),
    requirementsHtml: markdownHtml(input.requirements),
    companyDescriptionHtml: markdownHtml(input.companyDescription),
    contactName: input.contactName || null,
    email: input.email,
    url: input.url,
    createdAt: '2026-11-21T10:00:00.000Z',
    approvedAt: null,
    status,
    submittedBy: accountId,
  };
}

const refusal = (status: JobFailure['status'], message: string): JobFailure => ({ ok: false, status, message, errors: {} });

export function createFakeJobPostingService(accountOf: (session: string) => number | null): FakeJobPostings {
  let nextId = 100;
  const fake: FakeJobPostings = {
    jobs: new Map(),
    comments: new Map(),
    moderators: new Set(),
    accountOf,
    refuseNext: null,
    calls: [],
    async create(session, input, visitorAddress) {
      fake.calls.push({ method: 'create', visitorAddress });
      const refused = take();
      if (refused) return refused;
      const account = fake.accountOf(session);
      if (account === null) return refusal(401, 'Please sign in.');
      const id = nextId++;
      fake.jobs.set(id, docOf(id, account, input, 'draft'));
      return { ok: true, value: { id }, message: '' };
    },
    async own(session, accountId, id) {
      const job = fake.jobs.get(id);
      return job !== undefined && job.submittedBy === accountId && fake.accountOf(session) === accountId ? job : null;
    },
    async update(_session, id, input) {
      fake.calls.push({ method: 'update' });
      const refused = take();
      if (refused) return refused;
      const job = fake.jobs.get(id);
      if (job === undefined) return refusal(404, 'There is no such job among yours.');
      const status = job.status === 'approved' ? 'review' : (job.status ?? 'draft');
      fake.jobs.set(id, docOf(id, job.submittedBy ?? 0, input, status));
      return { ok: true, value: undefined, message: '' };
    },
    async move(_session, id, status) {
      fake.calls.push({ method: `move:${status}` });
      const refused = take();
      if (refused) return refused;
      const job = fake.jobs.get(id);
      if (job === undefined) return refusal(404, 'There is no such job among yours.');
      job.status = status;
      return { ok: true, value: undefined, message: '' };
    },
    async mine(session, accountId, page) {
      if (fake.accountOf(session) !== accountId) return null;
      const jobs = [...fake.jobs.values()].filter((job) => job.submittedBy === accountId);
      return page === 1 ? { jobs, total: jobs.length, page: 1, pages: 1 } : null;
    },
    async reviewQueue(session) {
      const account = fake.accountOf(session);
      if (account === null || !fake.moderators.has(account)) return refusal(403, "Only the job board's moderators may review jobs.");
      const entries = [...fake.jobs.values()].filter((job) => job.status === 'review').map((job) => ({ job, comments: fake.comments.get(job.id) ?? [] }));
      return { ok: true, value: { moderator: 'jobs-mod', entries, total: entries.length }, message: '' };
    },
    async review(session, id, action, comment) {
      fake.calls.push({ method: `review:${action}` });
      const refused = take();
      if (refused) return refused;
      const account = fake.accountOf(session);
      if (account === null || !fake.moderators.has(account)) return refusal(403, "Only the job board's moderators may review jobs.");
      const job = fake.jobs.get(id);
      if (job === undefined) return refusal(404, 'There is no such job.');
      if (comment !== '') fake.comments.set(id, [...(fake.comments.get(id) ?? []), { comment, createdAt: '2026-11-21', by: 'jobs-mod' }]);
      if (action === 'approve') job.status = 'approved';
      if (action === 'reject') job.status = 'rejected';
      return { ok: true, value: undefined, message: '' };
    },
  };
  function take(): JobFailure | null {
    const refused = fake.refuseNext;
    fake.refuseNext = null;
    return refused;
  }
  return fake;
}
