import { MEMBERSHIP_TEXT_FIELDS } from '../../../collections/Memberships/membershipRules'
import { MEMBERSHIP_TYPES } from '../../../collections/Memberships/membershipTypes'
import type { JsonSchema } from './fieldSchemas'

/**
 * The account half's own endpoints (accounts, memberships, the job review queue, nomination
 * invitations, story submissions): what the site's renderer calls for a signed-in visitor, and the
 * two staff tools. Each answers `{ message, errors, ... }` (collections/Accounts/endpoints/
 * accountResponses.ts) and is never cached. A visitor's session is the token of
 * `POST /api/accounts/signin`, sent as `Authorization: JWT <token>`: the site keeps it in its own
 * session cookie on the site's origin and never hands it to the browser.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (schema: JsonSchema) => ({ 'application/json': { schema } })
const text = { type: 'string' }
const flag = { type: 'boolean' }
const dateTime = { type: 'string', format: 'date-time' }

/** A visitor's session (the renderer's signed-in calls). */
const SESSION = [{ accountSession: [] }]
/** Staff signed in to the admin (or with an API key). */
const STAFF = [{ payloadApiKey: [] }, { payloadJwt: [] }, { payloadCookie: [] }]
/** Anyone; the site calls these for visitors who are not signed in. */
const ANYONE: unknown[] = [{}]

const REFUSALS: Record<number, string> = {
  400: 'Bad input: `errors` names each field that is wrong, and nothing changed.',
  401: 'Not signed in, or the session has ended.',
  403: 'Not allowed.',
  404: 'Not found.',
  409: 'A conflict with the current state; nothing changed.',
  429: 'Too many requests from this address or for this account; see Retry-After.',
}

function answers(success: Record<number, { description: string; schema?: JsonSchema }>, refusals: number[]) {
  const ok = Object.fromEntries(Object.entries(success).map(([code, { description, schema }]) => [code, { description, content: json(schema ?? ref('AccountAnswer')) }]))
  const refused = Object.fromEntries(refusals.map((code) => [code, { description: REFUSALS[code], content: json(ref('AccountRefusal')) }]))
  return { ...ok, ...refused }
}

function body(properties: Record<string, JsonSchema>, required: string[]) {
  return { required: true, content: json({ type: 'object', properties, required }) }
}

function operation(operationId: string, tag: string, summary: string, security: unknown[], extra: Record<string, unknown>) {
  return { tags: [tag], summary, operationId, security, ...extra }
}

/** `{ ...value, message }` answered with 200 / 201. */
function withMessage(properties: Record<string, JsonSchema> = {}, required: string[] = []): JsonSchema {
  return { type: 'object', properties: { message: text, ...properties }, required: ['message', ...required] }
}

export function accountComponents(): Record<string, JsonSchema> {
  const membershipText = Object.fromEntries(Object.entries(MEMBERSHIP_TEXT_FIELDS).map(([name, rule]) => [name, { type: 'string', minLength: 1, maxLength: rule.max }]))
  return {
    AccountAnswer: withMessage(),
    AccountRefusal: {
      type: 'object',
      properties: {
        message: text,
        errors: { type: 'object', additionalProperties: text, description: 'One message per field that is wrong.' },
        retryAfterSeconds: { type: 'integer', description: 'With a 429 only.' },
      },
      required: ['message', 'errors'],
    },
    OwnAccount: {
      type: 'object',
      description: 'The signed-in account as its owner sees it.',
      properties: {
        id: { type: 'integer' },
        username: text,
        email: { type: 'string', format: 'email' },
        pendingEmail: { type: ['string', 'null'], description: 'An address change waiting for its confirmation link.' },
        firstName: text,
        lastName: text,
        bio: { type: 'string', description: 'Markdown.' },
        location: text,
        publicProfile: flag,
        searchVisibility: flag,
        emailPrivacy: { type: 'string', enum: ['public', 'accounts', 'nobody'] },
        createdAt: dateTime,
        lastSignInAt: { type: ['string', 'null'], format: 'date-time' },
        psfMember: { ...flag, description: 'With GET only.' },
      },
      required: ['id', 'username', 'email', 'publicProfile', 'searchVisibility', 'emailPrivacy'],
    },
    PublicProfile: {
      type: 'object',
      properties: {
        username: text,
        firstName: text,
        lastName: text,
        bio: { type: 'string', description: 'Markdown.' },
        location: text,
        email: { type: ['string', 'null'], description: 'Only when the account shows it to everyone.' },
        searchVisibility: flag,
        memberSince: dateTime,
      },
      required: ['username', 'email', 'memberSince'],
    },
    MembershipForm: {
      type: 'object',
      description: 'The membership form. Naming a field only PSF staff write (membershipType, account, lastVoteAffirmation) is a 400.',
      properties: { ...membershipText, emailAddress: { type: 'string', format: 'email' }, announcements: flag, votes: flag, codeOfConduct: { ...flag, description: 'Must be true to sign up; not part of an edit.' } },
      required: [...Object.keys(MEMBERSHIP_TEXT_FIELDS), 'emailAddress'],
    },
    OwnMembership: {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        membershipType: { type: 'string', enum: [...MEMBERSHIP_TYPES] },
        membershipTypeLabel: text,
        ...membershipText,
        emailAddress: text,
        codeOfConduct: flag,
        announcements: flag,
        votes: flag,
        lastVoteAffirmation: { type: ['string', 'null'], format: 'date-time' },
        needsVoteAffirmation: flag,
        createdAt: dateTime,
        updatedAt: dateTime,
      },
      required: ['id', 'membershipType', 'votes', 'needsVoteAffirmation'],
    },
    NominationInvitation: withMessage(
      {
        nomination: { type: 'object', properties: { id: { type: 'integer' }, name: text, employer: text, statement: text, accepted: flag }, required: ['id', 'name', 'accepted'] },
        election: { type: 'object', properties: { name: text, slug: text }, required: ['name', 'slug'] },
        nominee: { type: 'object', properties: { slug: text }, description: 'With an answer only.' },
      },
      ['nomination', 'election'],
    ),
    JobReviewQueue: withMessage(
      {
        moderator: { type: 'string', description: 'The staff user the account is linked to.' },
        total: { type: 'integer', description: 'Postings waiting in all; the queue shows the oldest.' },
        queue: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              job: ref('Jobs'),
              comments: { type: 'array', items: { type: 'object', properties: { comment: text, createdAt: dateTime, by: { type: ['string', 'null'] } }, required: ['comment'] } },
            },
            required: ['job', 'comments'],
          },
        },
      },
      ['moderator', 'total', 'queue'],
    ),
  }
}

const password = { type: 'string', description: 'Kept as typed (never trimmed).' }
const PROFILE_FIELDS: Record<string, JsonSchema> = {
  username: text,
  firstName: text,
  lastName: text,
  bio: { type: 'string', description: 'Markdown.' },
  location: text,
  publicProfile: flag,
  searchVisibility: flag,
  emailPrivacy: { type: 'string', enum: ['public', 'accounts', 'nobody'] },
}

function accountPaths(): Record<string, unknown> {
  const tag = 'Accounts'
  return {
    '/api/accounts/signup': {
      post: operation('accountSignUp', tag, 'Sign up: creates an unverified account and mails its verification link', ANYONE, {
        description: 'A taken address gets the same answer (and its owner a message saying so), so the form never tells whether an address has an account; a taken username is a 400.',
        requestBody: body({ username: text, email: { type: 'string', format: 'email' }, password, passwordAgain: password }, ['username', 'email', 'password', 'passwordAgain']),
        responses: answers({ 200: { description: 'Sign-up received; the link is mailed.' } }, [400, 429]),
      }),
    },
    '/api/accounts/signin': {
      post: operation('accountSignIn', tag, 'Sign in with a username (any case) or address and a password', ANYONE, {
        description: 'Answers the session token the other calls send as `Authorization: JWT <token>`. Wrong credentials, unknown and locked accounts are one 401; an unverified account is a 403 (its link is mailed again), and so is a deactivated one.',
        requestBody: body({ login: text, password }, ['login', 'password']),
        responses: answers({ 200: { description: 'Signed in.', schema: withMessage({ token: text, expiresAt: dateTime }, ['token', 'expiresAt']) } }, [400, 401, 403, 429]),
      }),
    },
    '/api/accounts/signout': {
      post: operation('accountSignOut', tag, 'End this session on the CMS', [...SESSION, {}], {
        responses: answers({ 200: { description: 'Signed out (also without a session).' } }, []),
      }),
    },
    '/api/accounts/verify': {
      post: operation('accountVerify', tag, 'Follow a verification or address-change link (one use)', ANYONE, {
        requestBody: body({ token: text }, ['token']),
        responses: answers({ 200: { description: 'The address is confirmed.' } }, [400, 429]),
      }),
    },
    '/api/accounts/forgot': {
      post: operation('accountForgotPassword', tag, 'Mail a password reset link to the account with this address, if any', ANYONE, {
        description: 'The same answer whether or not an account has the address; only a malformed address is a 400.',
        requestBody: body({ email: { type: 'string', format: 'email' } }, ['email']),
        responses: answers({ 200: { description: 'If an account has this address, the link is mailed.' } }, [400, 429]),
      }),
    },
    '/api/accounts/reset': {
      post: operation('accountResetPassword', tag, 'Set a new password through a reset link (one use); ends every session', ANYONE, {
        requestBody: body({ token: text, password, passwordAgain: password }, ['token', 'password', 'passwordAgain']),
        responses: answers({ 200: { description: 'The password is changed.' } }, [400, 429]),
      }),
    },
    '/api/accounts/me': {
      get: operation('ownAccount', tag, 'The signed-in account', SESSION, {
        responses: answers({ 200: { description: 'The account.', schema: withMessage({ account: ref('OwnAccount') }, ['account']) } }, [401]),
      }),
      patch: operation('updateOwnAccount', tag, 'Save the profile form (python.org\'s /users/edit/)', SESSION, {
        requestBody: body(PROFILE_FIELDS, ['username']),
        responses: answers({ 200: { description: 'Saved.', schema: withMessage({ account: ref('OwnAccount') }, ['account']) } }, [400, 401]),
      }),
      delete: operation('deleteOwnAccount', tag, 'Delete the signed-in account (its records elsewhere are deleted or detached first)', SESSION, {
        requestBody: body({ password }, ['password']),
        responses: answers({ 200: { description: 'Deleted; the address is told.' } }, [400, 401]),
      }),
    },
    '/api/accounts/me/password': {
      post: operation('changeOwnPassword', tag, 'Change the password; keeps this session, ends the others', SESSION, {
        requestBody: body({ currentPassword: password, password, passwordAgain: password }, ['currentPassword', 'password', 'passwordAgain']),
        responses: answers({ 200: { description: 'Changed.' } }, [400, 401]),
      }),
    },
    '/api/accounts/me/email': {
      post: operation('changeOwnEmail', tag, 'Ask to change the address: a confirmation link goes to the new one', SESSION, {
        description: 'An address another account has gets the same answer and no message.',
        requestBody: body({ email: { type: 'string', format: 'email' }, password }, ['email', 'password']),
        responses: answers({ 200: { description: 'The link is mailed to the new address.' } }, [400, 401, 429]),
      }),
    },
    '/api/accounts/profile/{username}': {
      get: operation('publicProfile', tag, 'A public profile (python.org\'s /users/<username>/)', ANYONE, {
        description: 'Only of a public, verified, active account; a 404 for any other, which says nothing of why.',
        parameters: [{ name: 'username', in: 'path', required: true, schema: text }],
        responses: answers({ 200: { description: 'The profile.', schema: withMessage({ profile: ref('PublicProfile') }, ['profile']) } }, [404]),
      }),
    },
    '/api/accounts/{id}/resend-verification': {
      post: operation('resendVerification', tag, 'Staff: mail an unverified account its verification link again', STAFF, {
        description: 'Moderators and admins only.',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: answers({ 200: { description: 'Sent.' } }, [403, 404, 409]),
      }),
    },
  }
}

function membershipPaths(): Record<string, unknown> {
  const tag = 'PSF membership'
  const answer = (description: string, status = 200) => ({ [status]: { description, schema: withMessage({ membership: ref('OwnMembership') }, ['membership']) } })
  return {
    '/api/memberships/me': {
      get: operation('ownMembership', tag, 'The signed-in account\'s PSF membership', SESSION, { responses: answers(answer('The membership.'), [401, 404]) }),
      post: operation('createOwnMembership', tag, 'Become a PSF Basic member (python.org\'s /users/membership/); one per account', SESSION, {
        description: 'Mails a confirmation and, with announcements, asks the announcement list to subscribe the address.',
        requestBody: { required: true, content: json(ref('MembershipForm')) },
        responses: answers(answer('The membership is created.', 201), [400, 401, 409]),
      }),
      patch: operation('updateOwnMembership', tag, 'Edit the membership (python.org\'s /users/membership/edit/)', SESSION, {
        requestBody: { required: true, content: json(ref('MembershipForm')) },
        responses: answers(answer('Saved.'), [400, 401, 404]),
      }),
      delete: operation('deleteOwnMembership', tag, 'End the membership', SESSION, { responses: answers({ 200: { description: 'Deleted.' } }, [401, 404]) }),
    },
    '/api/memberships/me/affirm': {
      post: operation('affirmIntentToVote', tag, 'Affirm the intent to vote for the coming year', SESSION, { responses: answers(answer('Recorded.'), [401, 404]) }),
    },
    '/api/memberships/export.csv': {
      get: operation('exportMembershipsCsv', tag, 'Staff: the members as CSV (PSF staff and admins)', STAFF, {
        parameters: [
          { name: 'membershipType', in: 'query', required: false, schema: { type: 'string', enum: [...MEMBERSHIP_TYPES] } },
          { name: 'votes', in: 'query', required: false, schema: { type: 'boolean' } },
        ],
        responses: {
          200: { description: 'CSV; cells a spreadsheet would run as a formula are quoted.', content: { 'text/csv': { schema: text } } },
          400: { description: 'A bad filter, or more members than one export holds.', content: json(ref('PayloadErrors')) },
          403: { description: 'Not PSF staff.', content: json(ref('PayloadErrors')) },
        },
      }),
    },
  }
}

function otherPaths(): Record<string, unknown> {
  return {
    '/api/jobs/review-queue': {
      get: operation('jobReviewQueue', 'Job board review', 'The postings waiting in review, oldest first, with their review discussion', SESSION, {
        description: 'For an account linked to a jobs moderator (the site\'s /jobs/review/); anyone else gets a 403.',
        responses: answers({ 200: { description: 'The queue.', schema: ref('JobReviewQueue') } }, [401, 403]),
      }),
    },
    '/api/jobs/{id}/review': {
      post: operation('reviewJob', 'Job board review', 'Comment on, approve or reject a posting in review', SESSION, {
        description: 'As the linked staff user: a move the jobs workflow does not allow is its 400, and nothing moves.',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        requestBody: body({ action: { type: 'string', enum: ['comment', 'approve', 'reject'] }, comment: { type: 'string', description: 'Required to comment.' } }, ['action']),
        responses: answers({ 200: { description: 'Done.', schema: withMessage({ job: { type: 'object', properties: { id: { type: 'integer' }, status: text }, required: ['id', 'status'] } }, ['job']) } }, [400, 401, 403, 404]),
      }),
    },
    '/api/nominations/invitation': {
      post: operation('answerNominationInvitation', 'Nominations', 'Show, accept or decline a nomination from its mailed invitation link', SESSION, {
        description: 'Without `answer`, shows the nomination; with one, links it to the account\'s nominee and spends the link. The account\'s address must be the nominated one (403 otherwise); 409 while nominations are not open; 404 for an unknown, used or expired link.',
        requestBody: body({ token: text, answer: { type: 'string', enum: ['accept', 'decline'] } }, ['token']),
        responses: answers({ 200: { description: 'The nomination (and the answer recorded).', schema: ref('NominationInvitation') } }, [400, 401, 403, 404, 409]),
      }),
    },
    '/api/nominations/preview': {
      post: operation('previewNominationStatement', 'Nominations', 'Render a statement as the nomination form previews it', SESSION, {
        description: 'Markdown through the sanitiser a saved statement gets; nothing is written. 400 for a statement longer than a nomination allows.',
        requestBody: body({ statement: { type: 'string', description: 'Markdown.' } }, ['statement']),
        responses: answers({ 200: { description: 'The statement as HTML.', schema: withMessage({ html: text }, ['html']) } }, [400, 401]),
      }),
    },
    '/api/success-stories/submit': {
      post: operation('submitSuccessStory', 'Success stories', 'Submit a success story for review (python.org\'s /success-stories/create/)', ANYONE, {
        description: 'Stored as an unpublished draft and the moderators are told. The site adds CSRF, a honeypot and a rate limit in front.',
        requestBody: body(
          { name: text, companyName: text, companyUrl: { type: 'string', format: 'uri' }, author: text, authorEmail: { type: 'string', format: 'email' }, pullQuote: text, content: { type: 'string', description: 'Markdown.' }, categorySlug: text },
          ['name', 'companyName', 'companyUrl', 'author', 'pullQuote', 'content', 'categorySlug'],
        ),
        responses: {
          201: { description: 'Received.', content: json({ type: 'object', properties: { id: { type: 'integer' }, message: text }, required: ['id', 'message'] }) },
          400: { description: 'Field errors.', content: json({ type: 'object', properties: { errors: { type: 'object', additionalProperties: text } }, required: ['errors'] }) },
          409: { description: 'A story with this title exists.', content: json({ type: 'object', properties: { errors: { type: 'object', additionalProperties: text } }, required: ['errors'] }) },
        },
      }),
    },
  }
}

export function accountApiPaths(): Record<string, unknown> {
  return { ...accountPaths(), ...membershipPaths(), ...otherPaths() }
}

export const ACCOUNT_API_TAGS = ['Accounts', 'PSF membership', 'Job board review', 'Nominations', 'Success stories']

export const accountSessionScheme = {
  type: 'apiKey',
  in: 'header',
  name: 'Authorization',
  description: 'JWT <token>: a visitor\'s session, from POST /api/accounts/signin (the site keeps it in its own session cookie).',
}
