import type { ParsedMail } from 'mailparser'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Nomination, User } from '../../../collections/generated/payload-types'
import { invitationEndpoint } from '../../../collections/Nominations/endpoints/invitationEndpoint'
import { NOMINATION_RULES, type NominationActor, type NominationChange } from '../../../collections/Nominations/workflow'
import { snapshotCollection } from '../../support/jobsTesting'
import { startTestSmtpServer, type TestSmtpServer } from '../../support/testSmtpServer'
import { createTestPayload } from '../../support/testPayload'
import { deliverQueuedMail } from '../../support/deliverQueuedMail'

const SITE = 'https://site.example.org'
const DAY = 24 * 60 * 60 * 1000
const recipient = (mail: ParsedMail) => (Array.isArray(mail.to) ? '' : (mail.to?.text ?? ''))

type Actor = User & { collection: string }

/**
 * The nomination rules (collections/Nominations/workflow.ts) on the server, through the Local
 * API as a signed-in account or staff user (the same access and hooks as REST, GraphQL and the
 * admin), the invitation endpoint, and the messages, read from a real SMTP server.
 */
describe('elections and nominations', () => {
  let payload: Payload
  let smtp: TestSmtpServer
  let member: Actor
  let nomineeAccount: Actor
  let stranger: Actor
  let psfStaff: Actor
  let editor: Actor
  let openElection: number
  let closedElection: number
  let futureElection: number
  let n = 0

  const delivered = async (): Promise<ParsedMail[]> => {
    await deliverQueuedMail(payload)
    return smtp.messages.splice(0).sort((a, b) => recipient(a).localeCompare(recipient(b)))
  }

  const account = async (username: string, extra: Record<string, unknown> = {}): Promise<Actor> => {
    const doc = await payload.create({
      collection: 'accounts',
      data: { email: `${username}@example.org`, username, password: 'a long test password 123', emailVerified: true, active: true, emailPrivacy: 'nobody', ...extra },
      overrideAccess: true,
      depth: 0,
    })
    return { ...doc, collection: 'accounts' } as unknown as Actor
  }
  const staff = async (username: string, roles: User['roles']): Promise<Actor> => {
    const doc = await payload.create({ collection: 'users', data: { username, email: `${username}@example.org`, roles, password: 'a long test password 123' }, overrideAccess: true })
    return { ...doc, collection: 'users' } as Actor
  }
  const election = async (name: string, openOffset: number, closeOffset: number): Promise<number> =>
    (await payload.create({ collection: 'elections', data: { name, date: new Date(Date.now() + 60 * DAY).toISOString(), nominationsOpenAt: new Date(Date.now() + openOffset).toISOString(), nominationsCloseAt: new Date(Date.now() + closeOffset).toISOString() }, overrideAccess: true })).id

  const nominationData = (electionId: number, email = 'nominee@example.org') => {
    n += 1
    return { election: electionId, name: 'Nia Nominee', email, employer: 'Example Ltd', statement: `She **should** serve (${n}).`, previousService: 'New board member' }
  }
  const nominate = (user: Actor, electionId = openElection, email = 'nominee@example.org'): Promise<Nomination> =>
    payload.create({ collection: 'nominations', data: nominationData(electionId, email) as never, overrideAccess: false, user, depth: 0 })
  const update = (user: Actor, id: number, data: Record<string, unknown>) => payload.update({ collection: 'nominations', id, data, overrideAccess: false, user, depth: 0 })
  const stored = (id: number) => payload.findByID({ collection: 'nominations', id, overrideAccess: true, depth: 0 })

  /** The invitation endpoint as Payload's REST handler calls it, as `user`. */
  const invitation = async (user: Actor | null, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
    const req = (await createLocalReq({}, payload)) as PayloadRequest
    req.json = () => Promise.resolve(body)
    req.user = user as never
    const response = await invitationEndpoint.handler(req)
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }
  const tokenIn = (mail: ParsedMail | undefined): string => {
    const match = new RegExp(`${SITE}/nominations/respond/([^/\\s]+)/`).exec(mail?.text ?? '')
    if (!match) throw new Error(`No invitation link in: ${mail?.text}`)
    return match[1]
  }

  beforeAll(async () => {
    smtp = await startTestSmtpServer()
    payload = await createTestPayload('nomination_rules', { SMTP_URL: smtp.url, SITE_URL: SITE })
    await staff('admin', ['admin'])
    psfStaff = await staff('psf', ['psf-staff'])
    editor = await staff('editor', ['editor'])
    member = await account('member', { firstName: 'Mo', lastName: 'Member' })
    nomineeAccount = await account('nominee', { firstName: 'Nia', lastName: 'Nominee' })
    stranger = await account('stranger')
    await payload.create({ collection: 'memberships', data: { account: member.id, membershipType: 'basic', legalName: 'Mo Member', preferredName: 'Mo', emailAddress: 'member@example.org', city: 'T', region: 'R', country: 'C', postalCode: '1' }, overrideAccess: true })
    openElection = await election('2027 Board Election', -DAY, DAY)
    closedElection = await election('2025 Board Election', -3 * DAY, -DAY)
    futureElection = await election('2029 Board Election', DAY, 3 * DAY)
    await delivered()
  })
  afterAll(async () => {
    await payload?.destroy()
    await smtp?.close()
  })

  it('lets a PSF member nominate someone while the window is open, and mails the nominee a one-use link', async () => {
    const nomination = await nominate(member)
    expect(nomination).toMatchObject({ nominator: member.id, accepted: false, approved: false, nominee: null, codeOfConductAcknowledged: false })
    const mail = await delivered()
    expect(mail.map(recipient)).toEqual(['nominee@example.org'])
    expect(mail[0]?.subject).toBe('You have been nominated: 2027 Board Election')
    expect(mail[0]?.text).toContain('Mo Member has nominated you')
    expect(tokenIn(mail[0])).toMatch(/^n-/)
    // Only the hash is stored.
    const hidden = await payload.findByID({ collection: 'nominations', id: nomination.id, overrideAccess: true, showHiddenFields: true })
    expect(JSON.stringify(hidden)).not.toContain(tokenIn(mail[0]))
  })

  it('refuses a non-member (403) and a closed or not yet open window (409), writing nothing and mailing nobody', async () => {
    const before = await snapshotCollection(payload, 'nominations')
    await expect(nominate(stranger)).rejects.toMatchObject({ status: 403, message: expect.stringContaining('Only PSF members may nominate') })
    await expect(nominate(member, closedElection)).rejects.toMatchObject({ status: 409, message: 'Nominations for 2025 Board Election are closed.' })
    await expect(nominate(member, futureElection)).rejects.toMatchObject({ status: 409, message: 'Nominations for 2029 Board Election are not open yet.' })
    expect(await snapshotCollection(payload, 'nominations')).toEqual(before)
    expect(await delivered()).toEqual([])
  })

  it('makes a self-nomination accepted at once, and asks for the code of conduct', async () => {
    await expect(nominate(member, openElection, 'MEMBER@example.org')).rejects.toMatchObject({ status: 400 })
    const self = await payload.create({ collection: 'nominations', data: { ...nominationData(openElection, 'member@example.org'), codeOfConductAcknowledged: true } as never, overrideAccess: false, user: member, depth: 0 })
    expect(self).toMatchObject({ accepted: true, approved: false, nomineeAccount: member.id, codeOfConductAcknowledged: true })
    const mail = await delivered()
    // No invitation (they are the nominee); PSF staff (and admins) are told it awaits approval.
    expect(mail.map(recipient)).toEqual(['admin@example.org', 'psf@example.org'])
    expect(mail[0]?.subject).toBe('Nomination to approve: Nia Nominee, 2027 Board Election')
  })

  it('takes the nominee through the link: the wrong account is refused, the right one accepts, then the link is spent', async () => {
    const nomination = await nominate(member)
    const token = tokenIn((await delivered())[0])
    expect((await invitation(null, { token })).status).toBe(401)
    expect(await invitation(stranger, { token, answer: 'accept' })).toMatchObject({ status: 403 })
    expect(await invitation(nomineeAccount, { token: 'n-not-a-token', answer: 'accept' })).toMatchObject({ status: 404 })
    expect(await invitation(nomineeAccount, { token, answer: 'maybe' })).toMatchObject({ status: 400 })
    expect((await stored(nomination.id)).accepted).toBe(false)

    const shown = await invitation(nomineeAccount, { token })
    expect(shown).toMatchObject({ status: 200, body: { election: { name: '2027 Board Election' }, nomination: { id: nomination.id, accepted: false } } })
    const answered = await invitation(nomineeAccount, { token, answer: 'accept' })
    expect(answered.status).toBe(200)
    const after = await stored(nomination.id)
    expect(after).toMatchObject({ accepted: true, approved: false, nomineeAccount: nomineeAccount.id })
    const nominee = await payload.findByID({ collection: 'nominees', id: after.nominee as number, overrideAccess: true })
    expect(nominee).toMatchObject({ account: nomineeAccount.id, name: 'Nia Nominee', slug: 'nia-nominee', accepted: true, approved: false })
    const mail = await delivered()
    expect(mail.map((message) => [recipient(message), message.subject])).toEqual([
      ['admin@example.org', 'Nomination to approve: Nia Nominee, 2027 Board Election'],
      ['member@example.org', 'Your nomination of Nia Nominee was accepted'],
      ['psf@example.org', 'Nomination to approve: Nia Nominee, 2027 Board Election'],
    ])
    expect(await invitation(nomineeAccount, { token, answer: 'decline' })).toMatchObject({ status: 404 })
  })

  it('lets only the nominee accept, only PSF staff approve (once accepted), and keeps it off the public site until both', async () => {
    const nomination = await nominate(member)
    const token = tokenIn((await delivered())[0])
    await expect(update(psfStaff, nomination.id, { approved: true })).rejects.toMatchObject({ status: 403 })
    await invitation(nomineeAccount, { token, answer: 'decline' })
    expect((await delivered()).map((mail) => mail.subject)).toEqual(['Your nomination of Nia Nominee was declined'])
    await expect(update(member, nomination.id, { accepted: true })).rejects.toMatchObject({ status: 403 })
    await expect(update(psfStaff, nomination.id, { accepted: true })).rejects.toMatchObject({ status: 403 })
    await update(nomineeAccount, nomination.id, { accepted: true })
    await delivered()
    await expect(update(nomineeAccount, nomination.id, { approved: true })).rejects.toMatchObject({ status: 403 })
    await expect(update(member, nomination.id, { approved: true })).rejects.toMatchObject({ status: 403 })
    await expect(update(editor, nomination.id, { approved: true })).rejects.toMatchObject({ status: 403 })
    const publicIds = async () => (await payload.find({ collection: 'nominations', overrideAccess: false, depth: 0, limit: 100 })).docs.map((doc) => doc.id)
    expect(await publicIds()).not.toContain(nomination.id)
    expect((await payload.find({ collection: 'nominees', overrideAccess: false, limit: 100 })).docs).toEqual([])

    await update(psfStaff, nomination.id, { approved: true })
    expect(await publicIds()).toContain(nomination.id)
    const publicView = (await payload.find({ collection: 'nominations', where: { id: { equals: nomination.id } }, overrideAccess: false, depth: 0 })).docs[0]
    // The address is the parties' and staff's only.
    expect(publicView?.email).toBeUndefined()
    expect((await payload.find({ collection: 'nominations', where: { id: { equals: nomination.id } }, overrideAccess: false, user: member, depth: 0 })).docs[0]?.email).toBe('nominee@example.org')
    const nominees = (await payload.find({ collection: 'nominees', overrideAccess: false, limit: 100 })).docs
    expect(nominees.map((doc) => doc.account)).toEqual([nomineeAccount.id])
    // Declining again takes the nominee off the public site.
    await update(nomineeAccount, nomination.id, { accepted: false })
    expect(await publicIds()).not.toContain(nomination.id)
    expect((await payload.find({ collection: 'nominees', overrideAccess: false, limit: 100 })).docs).toEqual([])
    await update(nomineeAccount, nomination.id, { accepted: true })
    await delivered()
  })

  it('lets only the nominator edit, while open and unanswered', async () => {
    const nomination = await nominate(member)
    await delivered()
    await update(member, nomination.id, { employer: 'Another Ltd' })
    await expect(update(stranger, nomination.id, { employer: 'Mine' })).rejects.toMatchObject({ status: 403 })
    await expect(update(nomineeAccount, nomination.id, { employer: 'Mine' })).rejects.toMatchObject({ status: 403 })
    expect((await stored(nomination.id)).employer).toBe('Another Ltd')
  })

  it('refuses every answer and edit once the window has closed (409), changing nothing', async () => {
    const nomination = await nominate(member)
    const token = tokenIn((await delivered())[0])
    await payload.update({ collection: 'elections', id: openElection, data: { nominationsCloseAt: new Date(Date.now() - 1000).toISOString() }, overrideAccess: true })
    try {
      const before = await snapshotCollection(payload, 'nominations')
      expect(await invitation(nomineeAccount, { token, answer: 'accept' })).toMatchObject({ status: 409, body: { message: 'Nominations for 2027 Board Election are closed.' } })
      await expect(update(member, nomination.id, { employer: 'Late Ltd' })).rejects.toMatchObject({ status: 409 })
      await expect(nominate(member)).rejects.toMatchObject({ status: 409 })
      expect(await snapshotCollection(payload, 'nominations')).toEqual(before)
      // Staff may still approve after the close.
      const accepted = (await payload.find({ collection: 'nominations', where: { and: [{ accepted: { equals: true } }, { approved: { equals: false } }, { nomineeAccount: { equals: nomineeAccount.id } }] }, overrideAccess: true, depth: 0 })).docs[0]
      if (accepted) await update(psfStaff, accepted.id, { approved: true })
    } finally {
      await payload.update({ collection: 'elections', id: openElection, data: { nominationsCloseAt: new Date(Date.now() + DAY).toISOString() }, overrideAccess: true })
    }
  })

  it("deletes a deleted account's candidacy and the nominations it made, as python.org cascades", async () => {
    const leaving = await account('leaving', { firstName: 'Lee', lastName: 'Leaving' })
    const invited = await account('invited', { firstName: 'Ivy', lastName: 'Invited' })
    await payload.create({ collection: 'memberships', data: { account: leaving.id, membershipType: 'basic', legalName: 'Lee Leaving', preferredName: 'Lee', emailAddress: 'leaving@example.org', city: 'T', region: 'R', country: 'C', postalCode: '1' }, overrideAccess: true })
    const made = await nominate(leaving, openElection, 'invited@example.org')
    await invitation(invited, { token: tokenIn((await delivered())[0]), answer: 'accept' })
    const selfNomination = await payload.create({ collection: 'nominations', data: { ...nominationData(openElection, 'leaving@example.org'), codeOfConductAcknowledged: true } as never, overrideAccess: false, user: leaving, depth: 0 })
    await delivered()
    const received = await nominate(member, openElection, 'leaving@example.org')
    await invitation(leaving, { token: tokenIn((await delivered())[0]), answer: 'accept' })
    await delivered()
    const invitedNominee = (await stored(made.id)).nominee as number
    expect((await payload.findByID({ collection: 'nominees', id: invitedNominee, overrideAccess: true })).accepted).toBe(true)

    await payload.delete({ collection: 'accounts', id: leaving.id, overrideAccess: true })
    await delivered()

    const left = await payload.find({ collection: 'nominations', where: { id: { in: [made.id, selfNomination.id, received.id] } }, overrideAccess: true, depth: 0 })
    expect(left.docs).toEqual([])
    expect((await payload.find({ collection: 'nominees', where: { account: { equals: leaving.id } }, overrideAccess: true })).docs).toEqual([])
    // The invited nominee stays, no longer accepted: their only nomination went with its nominator.
    expect(await payload.findByID({ collection: 'nominees', id: invitedNominee, overrideAccess: true })).toMatchObject({ account: invited.id, accepted: false })
  })

  describe('the transition table, change by change and actor by actor (window open)', () => {
    const cases: { change: Exclude<NominationChange, 'create' | 'linkNominee'>; data: Record<string, unknown>; start: 'open' | 'accepted' | 'approved' }[] = [
      { change: 'editContent', data: { employer: 'Edited Ltd' }, start: 'open' },
      { change: 'accept', data: { accepted: true }, start: 'open' },
      { change: 'decline', data: { accepted: false }, start: 'accepted' },
      { change: 'approve', data: { approved: true }, start: 'accepted' },
      { change: 'unapprove', data: { approved: false }, start: 'approved' },
    ]
    const actorNames = ['nominator', 'nominee', 'psf-staff', 'stranger', 'editor'] as const
    for (const { change, data, start } of cases) {
      for (const name of actorNames) {
        const tableActor: NominationActor | null = name === 'stranger' || name === 'editor' ? null : name
        const allowed = tableActor !== null && NOMINATION_RULES[change][tableActor] !== undefined
        it(`${change} by the ${name}: ${allowed ? 'allowed' : 'refused'}`, async () => {
          const nomination = await nominate(member)
          const token = tokenIn((await delivered())[0])
          await invitation(nomineeAccount, { token, answer: start === 'open' ? 'decline' : 'accept' })
          if (start === 'approved') await update(psfStaff, nomination.id, { approved: true })
          await delivered()
          const user = { nominator: member, nominee: nomineeAccount, 'psf-staff': psfStaff, stranger, editor }[name]
          const before = await stored(nomination.id)
          const attempt = update(user, nomination.id, data)
          if (allowed) {
            await attempt
            expect(await stored(nomination.id)).toMatchObject(data)
          } else {
            await expect(attempt).rejects.toMatchObject({ status: 403 })
            expect(await stored(nomination.id)).toEqual(before)
          }
          await delivered()
        })
      }
    }
  })
})
