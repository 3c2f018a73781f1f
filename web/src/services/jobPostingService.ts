/**
 * The job board's personal half as the site's routes see it (issue 12, python.org's
 * /jobs/create/, /jobs/mine/, /jobs/<id>/edit/, /jobs/<id>/preview/, /jobs/<id>/remove/ and the
 * moderators' /jobs/review/): every call acts as the signed-in visitor's account (its session),
 * and the CMS's collection access and job workflow decide; their refusals come back as failures
 * with the CMS's own message, never as an error page.
 */
import type { JobDoc } from '../cms/types';
import type { AccountFailure, AccountOutcome } from './accountService';

/** The posting form, as python.org's JobForm orders it. Checkboxes are booleans, the rest text. */
export interface JobFormInput {
  readonly title: string;
  readonly companyName: string;
  readonly category: string;
  readonly types: readonly string[];
  readonly otherJobType: string;
  readonly city: string;
  readonly region: string;
  readonly country: string;
  readonly description: string;
  readonly requirements: string;
  readonly companyDescription: string;
  readonly contactName: string;
  readonly email: string;
  readonly url: string;
  readonly remote: boolean;
  readonly agencies: boolean;
}

/** The text fields of the form, with their bounds (as the jobs collection's). */
export const jobFormLimits = {
  title: 100,
  companyName: 100,
  otherJobType: 100,
  city: 100,
  region: 100,
  country: 100,
  description: 10_000,
  requirements: 5_000,
  companyDescription: 3_000,
  contactName: 100,
  email: 254,
  url: 1000,
} as const;

export type JobTextField = keyof typeof jobFormLimits;

export const requiredJobFields: readonly (JobTextField | 'category')[] = ['title', 'companyName', 'category', 'city', 'country', 'description', 'requirements', 'email', 'url'];

/** One page of the account's own postings, any state. */
export interface OwnJobsPage {
  readonly jobs: readonly JobDoc[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
}

export interface ReviewComment {
  readonly comment: string;
  readonly createdAt: string;
  readonly by: string | null;
}

export interface ReviewQueue {
  /** The staff user the account moderates as. */
  readonly moderator: string;
  readonly entries: readonly { readonly job: JobDoc; readonly comments: readonly ReviewComment[] }[];
  readonly total: number;
}

export type ReviewAction = 'comment' | 'approve' | 'reject';

export type JobFailure = AccountFailure;
export type JobOutcome<T = undefined> = AccountOutcome<T>;

export interface JobPostingService {
  /** A new posting as a draft (the preview then submits it); the CMS counts it against the account's and the visitor's limits. */
  create(session: string, input: JobFormInput, visitorAddress: string): Promise<JobOutcome<{ readonly id: number }>>;
  /** The account's own posting, or null (not found, or someone else's). */
  own(session: string, accountId: number, id: number): Promise<JobDoc | null>;
  /** Saves the text; the CMS sends an approved posting back to review. */
  update(session: string, id: number, input: JobFormInput): Promise<JobOutcome>;
  /** Moves the posting: `review` (submit for approval) or `removed` (withdraw). */
  move(session: string, id: number, status: 'review' | 'removed'): Promise<JobOutcome>;
  mine(session: string, accountId: number, page: number): Promise<OwnJobsPage | null>;
  /** The moderators' queue; a 403 failure for an account that is not a jobs moderator. */
  reviewQueue(session: string): Promise<JobOutcome<ReviewQueue>>;
  review(session: string, id: number, action: ReviewAction, comment: string): Promise<JobOutcome>;
}
