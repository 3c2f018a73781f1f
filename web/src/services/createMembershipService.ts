/**
 * The MembershipService (membershipService.ts) over the CMS's membership endpoints
 * (collections/Memberships/endpoints), through the one CMS client: its 4xx become failures with
 * the CMS's own messages, a 5xx or no answer throws (CmsUnavailableError), as for accounts.
 */
import type { AccountResponse, CmsClient } from '../cms/client';
import { text } from '../cms/parse/lenientFields';
import { parseMembership } from '../cms/parse/membershipDocs';
import type { AccountOutcome } from './accountService';
import { failureOf, outcome, SIGN_IN_AGAIN, validSession } from './createAccountService';
import type { MembershipService, OwnMembership } from './membershipService';

function withMembership(response: AccountResponse, ok: number): AccountOutcome<OwnMembership> {
  if (response.status !== ok) return failureOf(response);
  const membership = parseMembership(response.body.membership);
  if (membership === null) throw new Error('The CMS saved the membership but answered none.');
  return { ok: true, value: membership, message: text.parse(response.body.message) };
}

export function createMembershipService(client: CmsClient): MembershipService {
  const asAccount = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, session: string, body?: Record<string, unknown>) =>
    client.membershipRequest({ method, path, session, ...(body === undefined ? {} : { body }) });

  return {
    async mine(session) {
      if (!validSession(session)) return null;
      const response = await asAccount('GET', 'me', session);
      return response.status === 200 ? parseMembership(response.body.membership) : null;
    },

    async join(session, input) {
      if (!validSession(session)) return SIGN_IN_AGAIN;
      return withMembership(await asAccount('POST', 'me', session, { ...input }), 201);
    },

    async update(session, input) {
      if (!validSession(session)) return SIGN_IN_AGAIN;
      return withMembership(await asAccount('PATCH', 'me', session, { ...input }), 200);
    },

    async affirmVote(session) {
      if (!validSession(session)) return SIGN_IN_AGAIN;
      return withMembership(await asAccount('POST', 'me/affirm', session), 200);
    },

    async leave(session) {
      if (!validSession(session)) return SIGN_IN_AGAIN;
      return outcome(await asAccount('DELETE', 'me', session));
    },
  };
}
