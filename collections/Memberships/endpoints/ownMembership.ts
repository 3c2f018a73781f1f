import { ValidationError, type Endpoint, type PayloadRequest } from 'payload'

import { throttlesOf } from '../../../cms/throttle/withCmsThrottles'
import { currentAccount, inTransaction } from '../../Accounts/accountStore'
import { failed, NOT_JSON, overLimit, readBody, succeeded, type FieldErrors } from '../../Accounts/endpoints/accountResponses'
import type { Account, Membership } from '../../generated/payload-types'
import { findMembershipOf } from '../findMembershipOf'
import { membershipMail } from '../membershipMail'
import { CODE_OF_CONDUCT_REQUIRED, MEMBERSHIP_TEXT_FIELDS, membershipEmailProblem, needsVoteAffirmation, type MembershipTextField } from '../membershipRules'
import { MEMBERSHIP_TYPE_LABELS } from '../membershipTypes'
import { membershipBody, type MembershipBody } from './membershipBodies'

const MEMBERSHIPS = 'memberships'
const SIGN_IN_AGAIN = 'Please sign in.'
const NOT_A_MEMBER = 'You are not a PSF member.'
const CORRECT_ERRORS = 'Please correct the errors below.'

/** The membership as its member sees it (MembershipService's OwnMembership on the site). */
export function ownMembershipView(membership: Membership, now: Date = new Date()): Record<string, unknown> {
  return {
    id: membership.id,
    membershipType: membership.membershipType,
    membershipTypeLabel: MEMBERSHIP_TYPE_LABELS[membership.membershipType],
    legalName: membership.legalName,
    preferredName: membership.preferredName,
    emailAddress: membership.emailAddress,
    city: membership.city,
    region: membership.region,
    country: membership.country,
    postalCode: membership.postalCode,
    codeOfConduct: membership.codeOfConduct === true,
    announcements: membership.announcements === true,
    votes: membership.votes === true,
    lastVoteAffirmation: membership.lastVoteAffirmation ?? null,
    needsVoteAffirmation: needsVoteAffirmation(membership, now),
    createdAt: membership.createdAt,
    updatedAt: membership.updatedAt,
  }
}

type Handler = (req: PayloadRequest, account: Account) => Promise<Response>

/** For the signed-in, verified, active account only (`Authorization: JWT <session>`); 401 otherwise. */
function forSignedIn(handler: Handler): Endpoint['handler'] {
  return async (req) => {
    const current = await currentAccount(req)
    return current === null ? failed(401, SIGN_IN_AGAIN) : handler(req, current.account)
  }
}

type MembershipInput = Pick<Membership, MembershipTextField | 'emailAddress' | 'announcements' | 'votes'>

/** The form's fields, checked; `errors` says what is wrong with each, and nothing is written then. */
function readMembershipForm(body: MembershipBody, errors: FieldErrors): MembershipInput {
  const values = {} as Record<MembershipTextField, string>
  for (const [name, rule] of Object.entries(MEMBERSHIP_TEXT_FIELDS) as [MembershipTextField, (typeof MEMBERSHIP_TEXT_FIELDS)[MembershipTextField]][]) {
    const value = body[name]
    if (value === '') errors[name] = rule.missing
    else if (value.length > rule.max) errors[name] = `Use at most ${rule.max} characters.`
    values[name] = value
  }
  const { emailAddress } = body
  const emailError = membershipEmailProblem(emailAddress)
  if (emailError) errors.emailAddress = emailError
  const flag = (name: 'announcements' | 'votes'): boolean => {
    if (body[name] !== undefined && typeof body[name] !== 'boolean') errors[name] = 'Choose yes or no.'
    return body[name] === true
  }
  return { ...values, emailAddress: emailAddress.toLowerCase(), announcements: flag('announcements'), votes: flag('votes') }
}

/** A 400 when the body names a field only staff write (a member cannot make themselves a Fellow). */
function staffFieldRefusal(body: MembershipBody): Response | null {
  const named = body.staffFields
  if (named.length === 0) return null
  return failed(400, 'Only PSF staff change the membership type and its records.', Object.fromEntries(named.map((name) => [name, 'Only PSF staff set this.'])))
}

async function saveMembership(req: PayloadRequest, id: number, data: Partial<Membership>): Promise<Membership> {
  return req.payload.update({ collection: MEMBERSHIPS, id, data, overrideAccess: true, depth: 0, req })
}

/** `GET /api/memberships/me` -> `{ membership }`: the signed-in account's own membership, or 404. */
export const myMembershipEndpoint: Endpoint = {
  path: '/me',
  method: 'get',
  handler: forSignedIn(async (req, account) => {
    const membership = await findMembershipOf(req, account.id)
    return membership === null ? failed(404, NOT_A_MEMBER) : succeeded('', { membership: ownMembershipView(membership) })
  }),
}

/**
 * `POST /api/memberships/me` `{ legalName, preferredName, emailAddress, city, region, country,
 * postalCode, codeOfConduct: true, announcements, votes }` -> 201 `{ membership }`: signs the
 * account up as a Basic member (python.org's /users/membership/), mails it a confirmation and,
 * when it opts in, asks the announcement list to subscribe it. One per account: a second is a 409.
 */
export const joinEndpoint: Endpoint = {
  path: '/me',
  method: 'post',
  handler: forSignedIn(async (req, account) => {
    const body = await readBody(req, membershipBody)
    if (body === null) return NOT_JSON()
    const refusal = staffFieldRefusal(body)
    if (refusal) return refusal
    const errors: FieldErrors = {}
    const input = readMembershipForm(body, errors)
    if (body.codeOfConduct !== true) errors.codeOfConduct = CODE_OF_CONDUCT_REQUIRED
    if (Object.keys(errors).length > 0) return failed(400, CORRECT_ERRORS, errors)
    if ((await findMembershipOf(req, account.id)) !== null) return failed(409, 'You are already a PSF member: edit your membership instead.')
    // Each sign-up mails the account (and maybe the list): a join-leave-join loop is limited.
    const limited = await overLimit(throttlesOf(req.payload.config).accounts.mailsPerAccount, `membership:${account.id}`, 'membership sign-ups')
    if (limited) return limited
    const created = await inTransaction(req, async () => {
      const membership = await req.payload.create({
        collection: MEMBERSHIPS,
        data: { ...input, account: account.id, membershipType: 'basic', codeOfConduct: true },
        overrideAccess: true,
        depth: 0,
        req,
      })
      await membershipMail.confirmed(req, membership, account.email)
      if (membership.announcements === true) await membershipMail.listRequest(req, 'subscribe', account.email)
      return membership
    }).catch((error: unknown) => {
      // The same account signed up a moment ago in another request (the unique index on account).
      if (error instanceof ValidationError) return null
      throw error
    })
    if (created === null) return failed(409, 'You are already a PSF member: edit your membership instead.')
    return succeeded('Your membership information has been saved successfully.', { membership: ownMembershipView(created) }, 201)
  }),
}

/**
 * `PATCH /api/memberships/me` `{ legalName, ..., announcements, votes }` -> `{ membership }`:
 * python.org's /users/membership/edit/. The code of conduct is not part of it (agreed once).
 * Opting in to or out of announcements asks the list to subscribe or unsubscribe the account.
 */
export const updateMembershipEndpoint: Endpoint = {
  path: '/me',
  method: 'patch',
  handler: forSignedIn(async (req, account) => {
    const body = await readBody(req, membershipBody)
    if (body === null) return NOT_JSON()
    const refusal = staffFieldRefusal(body)
    if (refusal) return refusal
    const errors: FieldErrors = {}
    const input = readMembershipForm(body, errors)
    if (Object.keys(errors).length > 0) return failed(400, CORRECT_ERRORS, errors)
    const current = await findMembershipOf(req, account.id)
    if (current === null) return failed(404, NOT_A_MEMBER)
    const saved = await inTransaction(req, async () => {
      const membership = await saveMembership(req, current.id, input)
      if (input.announcements !== (current.announcements === true)) await membershipMail.listRequest(req, input.announcements ? 'subscribe' : 'unsubscribe', account.email)
      return membership
    })
    return succeeded('Your membership information has been saved successfully.', { membership: ownMembershipView(saved) })
  }),
}

/** `DELETE /api/memberships/me`: ends the signed-in account's membership (python.org's membership/delete/). */
export const leaveEndpoint: Endpoint = {
  path: '/me',
  method: 'delete',
  handler: forSignedIn(async (req, account) => {
    const current = await findMembershipOf(req, account.id)
    if (current === null) return failed(404, NOT_A_MEMBER)
    // The list's unsubscribe request, if it subscribed, is the collection's afterDelete hook.
    await inTransaction(req, () => req.payload.delete({ collection: MEMBERSHIPS, id: current.id, overrideAccess: true, depth: 0, req }))
    return succeeded('Your PSF membership has been deleted.')
  }),
}

/**
 * `POST /api/memberships/me/affirm` -> `{ membership }`: the member affirms their intent to vote
 * (python.org's membership/affirm/, which crashed for anyone without a membership): votes on and
 * lastVoteAffirmation now. A non-member is a 404 and nothing is written.
 */
export const affirmVoteEndpoint: Endpoint = {
  path: '/me/affirm',
  method: 'post',
  handler: forSignedIn(async (req, account) => {
    const current = await findMembershipOf(req, account.id)
    if (current === null) return failed(404, NOT_A_MEMBER)
    const saved = await inTransaction(req, () => saveMembership(req, current.id, { votes: true, lastVoteAffirmation: new Date().toISOString() }))
    return succeeded('Thank you: your intent to vote is recorded for the coming year.', { membership: ownMembershipView(saved) })
  }),
}
