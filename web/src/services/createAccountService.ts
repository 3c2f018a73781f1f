/**
 * The AccountService (accountService.ts, the contract with the site's account pages) over the
 * CMS's account endpoints (collections/Accounts/endpoints), through the one CMS client. Each CMS
 * answer is `{ message, errors?, ...value }`; its 4xx become AccountFailures with the CMS's own
 * messages, a 5xx or no answer throws (CmsUnavailableError), as every other service does.
 */
import type { AccountResponse, CmsClient } from '../cms/client';
import { parseAccount, parsePublicProfile, parseSessionAnswer } from '../cms/parse/accountDocs';
import { parseCmsRefusal } from '../cms/parse/cmsRefusal';
import { text } from '../cms/parse/lenientFields';
import type {
  AccountFailure,
  AccountOutcome,
  AccountService,
  AccountSession,
} from './accountService';

const FAILURE_STATUSES: readonly AccountFailure['status'][] = [400, 401, 403, 404, 409, 429];

/** A session as Payload signs it (a JWT): anything else is not sent, so it cannot shape a header. */
const SESSION_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const MAX_SESSION_LENGTH = 4096;

/** Whether `session` has a session's shape (shared with the membership service). */
export function validSession(session: string): boolean {
  return session.length <= MAX_SESSION_LENGTH && SESSION_PATTERN.test(session);
}

function messageOf(response: AccountResponse, fallback: string): string {
  return text.parse(response.body.message) || fallback;
}

/** A CMS status as a failure's, 400 for any other. */
function failureStatusOf(status: number): AccountFailure['status'] {
  return FAILURE_STATUSES.includes(status as AccountFailure['status']) ? (status as AccountFailure['status']) : 400;
}

/** A CMS refusal as an AccountFailure (shared with the membership, sponsorship, job and nomination services). */
export function failureOf(response: AccountResponse, fallback = 'That did not work; please try again.'): AccountFailure {
  const refusal = parseCmsRefusal(response.body);
  return {
    ok: false,
    status: failureStatusOf(response.status),
    message: refusal.message || fallback,
    errors: { ...refusal.fieldErrors },
    ...(response.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: response.retryAfterSeconds }),
  };
}

export function outcome(response: AccountResponse): AccountOutcome {
  return response.status >= 200 && response.status < 300 ? { ok: true, value: undefined, message: messageOf(response, '') } : failureOf(response);
}

export const SIGN_IN_AGAIN: AccountFailure = { ok: false, status: 401, message: 'Please sign in.', errors: {} };

export function createAccountService(client: CmsClient): AccountService {
  const asVisitor = (path: string, body: Record<string, unknown>, visitorAddress: string) =>
    client.accountRequest({ method: 'POST', path, body, visitorAddress });
  const asAccount = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, session: string, body?: Record<string, unknown>) =>
    client.accountRequest({ method, path, session, ...(body === undefined ? {} : { body }) });

  return {
    async signUp(input, visitorAddress) {
      return outcome(await asVisitor('signup', { ...input }, visitorAddress));
    },

    async verifyEmail(token, visitorAddress) {
      return outcome(await asVisitor('verify', { token }, visitorAddress));
    },

    async signIn(input, visitorAddress) {
      const response = await asVisitor('signin', { login: input.login, password: input.password }, visitorAddress);
      if (response.status !== 200) return failureOf(response);
      const { token, expiresAt } = parseSessionAnswer(response.body);
      if (!validSession(token) || Number.isNaN(Date.parse(expiresAt))) throw new Error('The CMS signed in without a session token.');
      const session: AccountSession = { token, expiresAt };
      return { ok: true, value: session, message: messageOf(response, '') };
    },

    async signOut(session) {
      if (!validSession(session)) return;
      await asAccount('POST', 'signout', session);
    },

    async requestPasswordReset(email, visitorAddress) {
      return outcome(await asVisitor('forgot', { email }, visitorAddress));
    },

    async resetPassword(input, visitorAddress) {
      return outcome(await asVisitor('reset', { ...input }, visitorAddress));
    },

    async current(session) {
      if (!validSession(session)) return null;
      const response = await asAccount('GET', 'me', session);
      return response.status === 200 ? parseAccount(response.body.account) : null;
    },

    async updateProfile(session, input) {
      if (!validSession(session)) return SIGN_IN_AGAIN;
      const response = await asAccount('PATCH', 'me', session, { ...input });
      if (response.status !== 200) return failureOf(response);
      const account = parseAccount(response.body.account);
      if (account === null) throw new Error('The CMS saved the profile but answered no account.');
      return { ok: true, value: account, message: messageOf(response, '') };
    },

    async changePassword(session, input) {
      if (!validSession(session)) return SIGN_IN_AGAIN;
      return outcome(await asAccount('POST', 'me/password', session, { ...input }));
    },

    async changeEmail(session, input) {
      if (!validSession(session)) return SIGN_IN_AGAIN;
      return outcome(await asAccount('POST', 'me/email', session, { ...input }));
    },

    async deleteAccount(session, input) {
      if (!validSession(session)) return SIGN_IN_AGAIN;
      return outcome(await asAccount('DELETE', 'me', session, { ...input }));
    },

    async publicProfile(username) {
      // Usernames are ASCII letters, digits and @.+-_ (up to 150): anything else has no profile.
      if (!/^[A-Za-z0-9@.+_-]{1,150}$/.test(username)) return null;
      const response = await client.accountRequest({ method: 'GET', path: `profile/${encodeURIComponent(username)}` });
      return response.status === 200 ? parsePublicProfile(response.body.profile) : null;
    },
  };
}
