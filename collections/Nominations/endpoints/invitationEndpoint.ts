import { APIError, type Endpoint } from 'payload'

import { accountOf } from '../../Accounts/accountAccess'
import { inTransaction } from '../../Accounts/accountStore'
import { failed, NOT_JSON, readBody, succeeded } from '../../Accounts/endpoints/accountResponses'
import { nominationWindowOf, windowClosedMessage } from '../../Elections/electionWindow'
import { findOrCreateNominee } from '../../Nominees/findOrCreateNominee'
import { findInvitation, spentInvitation } from '../nominationTokens'
import { invitationBody } from './nominationBodies'

const ANSWERS = ['accept', 'decline'] as const

/**
 * `POST /api/nominations/invitation` `{ token, answer? }`, as the signed-in account (the site's
 * /nominations/respond/<token>/ page calls it with the visitor's session): the nominee's side of
 * the mailed invitation link. Without `answer` it shows the nomination; with `accept` or
 * `decline` it links the nomination to the account's Nominee for the election, records the answer
 * and spends the link. The account's address must be the one the nomination names (the link
 * went there), and nominations must be open. Refusals: 401 not signed in, 404 unknown, used or
 * expired link, 403 another address or another nominee, 409 window not open; nothing written.
 */
export const invitationEndpoint: Endpoint = {
  path: '/invitation',
  method: 'post',
  handler: async (req) => {
    const account = accountOf(req)
    if (account === null) return failed(401, 'Please sign in with the account of the address the nomination was sent to.')
    const body = await readBody(req, invitationBody)
    if (body === null) return NOT_JSON()
    const { answer } = body
    if (answer !== '' && !(ANSWERS as readonly string[]).includes(answer)) return failed(400, 'The answer is "accept" or "decline".')
    const nomination = await findInvitation(req, body.token)
    if (nomination === null) return failed(404, 'This link is not valid: it was used already, has expired, or was mistyped.')
    const stored = await req.payload.findByID({ collection: 'accounts', id: account.id, depth: 0, overrideAccess: true, disableErrors: true, req })
    if (typeof stored?.email !== 'string' || stored.email.toLowerCase() !== nomination.email.trim().toLowerCase()) {
      return failed(403, 'This nomination was sent to another address: sign in with the account of that address to answer it.')
    }
    if (nomination.nomineeAccount != null && nomination.nomineeAccount !== account.id) return failed(403, 'This nomination belongs to another nominee.')
    const electionId = typeof nomination.election === 'object' ? nomination.election.id : nomination.election
    const election = await req.payload.findByID({ collection: 'elections', id: electionId, depth: 0, overrideAccess: true, req })
    const window = nominationWindowOf(election)
    if (window !== 'open') return failed(409, windowClosedMessage(election.name, window))
    const facts = {
      nomination: { id: nomination.id, name: nomination.name, employer: nomination.employer, statement: nomination.statement, statementHtml: nomination.statementHtml ?? '', accepted: nomination.accepted === true },
      election: { name: election.name, slug: election.slug },
    }
    if (answer === '') return succeeded('', facts)
    try {
      const nominee = await inTransaction(req, async () => {
        const own = await findOrCreateNominee(req, electionId, account.id)
        await req.payload.update({
          collection: 'nominations',
          id: nomination.id,
          data: { nominee: own.id, accepted: answer === 'accept', ...spentInvitation },
          overrideAccess: true,
          depth: 0,
          req,
          context: { nominationInvitation: { nominationId: nomination.id, accountId: account.id } },
        })
        return own
      })
      const message = answer === 'accept' ? 'You accepted the nomination. It is listed once PSF staff approve it.' : 'You declined the nomination.'
      return succeeded(message, { ...facts, nominee: { slug: nominee.slug } })
    } catch (error) {
      if (error instanceof APIError && error.status >= 400 && error.status < 500) return failed(error.status as 400, error.message)
      throw error
    }
  },
}
