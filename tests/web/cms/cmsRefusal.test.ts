import { describe, expect, it } from 'vitest';

import { parseCmsRefusal } from '../../../web/src/cms/parse/cmsRefusal';
import { parseCreatedDocId } from '../../../web/src/cms/parse/createdDocId';
import { parseOwnJobsPage, parseReviewQueue } from '../../../web/src/cms/parse/jobAnswers';
import { failureOf } from '../../../web/src/services/createAccountService';
import { jobFailureOf } from '../../../web/src/services/createJobPostingService';
import { restFailure } from '../../../web/src/services/nominationService';

const job = { id: 7, title: 'Backend developer', companyName: 'Example Ltd', city: 'Lisbon', country: 'Portugal', description: 'Python.', requirements: 'Python.', email: 'jobs@example.org', url: 'https://example.org/jobs/', createdAt: '2026-12-01T00:00:00.000Z', status: 'review', submittedBy: 3 };

describe('a CMS refusal, in either shape', () => {
  it('reads our endpoints\' { message, errors: { field: message } }', () => {
    expect(parseCmsRefusal({ message: 'Check the form.', errors: { email: 'Enter a valid email address.' } })).toEqual({ message: 'Check the form.', fieldErrors: { email: 'Enter a valid email address.' } });
  });

  it('reads Payload\'s { errors: [{ message, data: { errors: [{ path, message }] } }] }, taking the first error', () => {
    const body = { errors: [{ name: 'ValidationError', message: 'The following field is invalid: Title', data: { errors: [{ path: 'title', message: 'Too long.' }, { path: 7, message: 'x' }] } }, { message: 'second' }] };
    expect(parseCmsRefusal(body)).toEqual({ message: 'The following field is invalid: Title', fieldErrors: { title: 'Too long.' } });
    expect(parseCmsRefusal({ errors: [{ message: 'Forbidden.' }] })).toEqual({ message: 'Forbidden.', fieldErrors: {} });
  });

  it('reads anything else as nothing, without throwing: not objects, odd members, a field message whose toString is not a function', () => {
    for (const body of [null, 'text', 42, [], { message: 5, errors: 'x' }, { errors: [] }, { errors: [null] }, { errors: [{ data: 'x' }] }, { errors: { title: { toString: 'not a function' }, n: 5 } }]) {
      expect(parseCmsRefusal(body)).toEqual({ message: '', fieldErrors: {} });
    }
  });

  it('keeps at most 50 field errors', () => {
    const errors = Object.fromEntries(Array.from({ length: 80 }, (_, index) => [`field${index}`, 'Wrong.']));
    expect(Object.keys(parseCmsRefusal({ errors }).fieldErrors)).toHaveLength(50);
  });

  it('becomes each service\'s failure in its own words', () => {
    const refused = (status: number, body: Record<string, unknown>) => ({ status, body });
    expect(failureOf(refused(500, {}))).toEqual({ ok: false, status: 400, message: 'That did not work; please try again.', errors: {} });
    expect(failureOf({ ...refused(429, { message: 'Too many.' }), retryAfterSeconds: 60 })).toEqual({ ok: false, status: 429, message: 'Too many.', errors: {}, retryAfterSeconds: 60 });
    expect(restFailure(refused(400, { errors: [{ message: 'Invalid.', data: { errors: [{ path: 'statement', message: 'Too long.' }] } }] }))).toEqual({ ok: false, status: 400, message: 'Please correct the fields marked below.', errors: { statement: 'Too long.' } });
    expect(jobFailureOf(refused(403, { errors: [{ message: 'You are not allowed to perform this action.' }] })).message).toBe('Your account may not change this job.');
    expect(jobFailureOf(refused(404, { errors: [{ message: 'Not Found' }] })).message).toBe('There is no such job among yours.');
  });
});

describe('the job board\'s and creates\' answers', () => {
  it('reads a create\'s id, or null', () => {
    expect(parseCreatedDocId({ doc: { id: 12 } })).toBe(12);
    for (const body of [{}, { doc: null }, { doc: { id: '12' } }, null]) expect(parseCreatedDocId(body)).toBeNull();
  });

  it('reads a page of own jobs, leaving out a job the site cannot show', () => {
    expect(parseOwnJobsPage({ docs: [job, { id: 8 }, 'x'], totalDocs: 3 })).toEqual({ docs: [expect.objectContaining({ id: 7, title: 'Backend developer' })], total: 3 });
    expect(parseOwnJobsPage({ docs: 'x', totalDocs: '3' })).toEqual({ docs: [], total: 0 });
  });

  it('reads the review queue, its comments and count', () => {
    const queue = parseReviewQueue({ moderator: 'jobs-mod', queue: [{ job, comments: [{ comment: 'Add a salary.', createdAt: '2026-12-02', by: 'jobs-mod' }, { comment: 5 }] }, { job: { id: 9 } }], total: 'many' });
    expect(queue).toEqual({ moderator: 'jobs-mod', entries: [{ job: expect.objectContaining({ id: 7 }), comments: [{ comment: 'Add a salary.', createdAt: '2026-12-02', by: 'jobs-mod' }] }], total: 1 });
    expect(parseReviewQueue(null)).toEqual({ moderator: '', entries: [], total: 0 });
  });
});
