import type { Endpoint } from 'payload'

import { ACCOUNTS } from '../accountAccess'
import { USERNAME_MAX_LENGTH } from '../accountRules'
import { failed, succeeded } from './accountResponses'

/**
 * `GET /api/accounts/profile/<username>` -> `{ profile: { username, firstName, lastName, bio
 * (Markdown), bioHtml (rendered when saved), location, email (only when public), searchVisibility, memberSince } }`: public data
 * of a public, verified, active account; a 404 for any other, which says nothing of why.
 */
export const publicProfileEndpoint: Endpoint = {
  path: '/profile/:username',
  method: 'get',
  handler: async (req) => {
    const notFound = () => failed(404, 'No such profile.')
    const username = decodedParam(req.routeParams?.username).toLowerCase()
    if (username === '' || username.length > USERNAME_MAX_LENGTH) return notFound()
    const found = await req.payload.find({
      collection: ACCOUNTS,
      where: { and: [{ username: { equals: username } }, { publicProfile: { equals: true } }, { active: { equals: true } }, { emailVerified: { equals: true } }] },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const account = found.docs[0]
    if (account === undefined) return notFound()
    return succeeded('', {
      profile: {
        username: account.username,
        firstName: account.firstName ?? '',
        lastName: account.lastName ?? '',
        bio: account.bio ?? '',
        bioHtml: account.bioHtml ?? '',
        location: account.location ?? '',
        email: account.emailPrivacy === 'public' ? account.email : null,
        searchVisibility: account.searchVisibility !== false,
        memberSince: account.createdAt,
      },
    })
  },
}

/** The route parameter as text; a malformed escape (`%E0%A4%A`) reads as no name, a 404. */
function decodedParam(raw: unknown): string {
  if (typeof raw !== 'string') return ''
  try {
    return decodeURIComponent(raw)
  } catch {
    return ''
  }
}
