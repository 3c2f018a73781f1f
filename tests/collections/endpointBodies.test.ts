import type { PayloadRequest } from 'payload'
import type { z } from 'zod'
import { describe, expect, it } from 'vitest'

import { readBody } from '../../collections/Accounts/endpoints/accountResponses'
import { reviewJobBody } from '../../collections/Jobs/endpoints/jobBodies'
import { membershipBody } from '../../collections/Memberships/endpoints/membershipBodies'
import { invitationBody, previewStatementBody } from '../../collections/Nominations/endpoints/nominationBodies'
import { applicationBody, assetValueBody } from '../../collections/Sponsorships/endpoints/sponsorshipBodies'

/** A request whose body Payload would parse to `body`. */
const sent = (body: unknown): PayloadRequest => ({ json: () => Promise.resolve(body) }) as unknown as PayloadRequest

const EMPTY_CONTACT = { name: '', email: '', phone: '', primary: false, administrative: false, accounting: false, manager: false }

describe('the job, nomination, membership and sponsorship endpoints\' request bodies', () => {
  it('refuse a body that is not an object (the endpoints\' one 400)', async () => {
    const schemas: z.ZodType<unknown>[] = [reviewJobBody, invitationBody, previewStatementBody, membershipBody, assetValueBody, applicationBody]
    for (const schema of schemas) {
      for (const body of [null, [], 'text', 3, true]) await expect(readBody(sent(body), schema)).resolves.toBeNull()
    }
  })

  it('trim text members and read absent or non-string ones as empty', async () => {
    await expect(readBody(sent({ action: ' approve ', comment: 5 }), reviewJobBody)).resolves.toEqual({ action: 'approve', comment: '' })
    await expect(readBody(sent({ value: '  https://example.org ' }), assetValueBody)).resolves.toEqual({ value: 'https://example.org' })
    await expect(readBody(sent({ token: ' t ', answer: ' accept ' }), invitationBody)).resolves.toEqual({ token: ' t ', answer: 'accept' })
  })

  it('keep a statement as typed, and read one that is not text as absent (the endpoint\'s "must be text")', async () => {
    await expect(readBody(sent({ statement: ' *hi* ' }), previewStatementBody)).resolves.toEqual({ statement: ' *hi* ' })
    await expect(readBody(sent({ statement: 7 }), previewStatementBody)).resolves.toEqual({ statement: undefined })
  })

  it('name the staff-only membership fields a body sends, with any value, and pass yes/no members through', async () => {
    const body = await readBody(sent({ id: null, membershipType: 'fellow', legalName: ' Ada ', votes: 'yes', codeOfConduct: true }), membershipBody)
    expect(body).toMatchObject({ legalName: 'Ada', preferredName: '', votes: 'yes', codeOfConduct: true, staffFields: ['membershipType', 'id'] })
    expect(body).not.toHaveProperty('membershipType')
  })

  it('read an application\'s company and contacts into their shape, and contacts that are not one to five rows as null', async () => {
    const body = await readBody(sent({ status: 'finalized', package: '3', company: [], contacts: [1, { name: ' N ', email: 'A@B.c', primary: 'yes', manager: true }] }), applicationBody)
    expect(body).toEqual({
      package: '3',
      company: { name: '', description: '', landingPageUrl: '' },
      contacts: [EMPTY_CONTACT, { ...EMPTY_CONTACT, name: 'N', email: 'A@B.c', manager: true }],
      staffFields: ['status'],
    })
    for (const contacts of [undefined, null, [], 'x', [{}, {}, {}, {}, {}, {}]]) {
      await expect(readBody(sent({ contacts }), applicationBody)).resolves.toMatchObject({ contacts: null })
    }
  })
})
