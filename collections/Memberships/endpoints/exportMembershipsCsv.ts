import { stringify } from 'csv-stringify/sync'
import type { Endpoint, PayloadRequest, Where } from 'payload'

import { hasRole, type RoleHolder } from '../../access/roles'
import type { Membership } from '../../generated/payload-types'
import { MEMBERSHIP_TYPES, type MembershipType } from '../membershipTypes'

/** Read page by page; past MAX_ROWS the export is refused rather than built without bound. */
const PAGE_SIZE = 500
export const MAX_EXPORT_ROWS = 100_000

/** python.org's columns (admin "Export CSV": type, creator, email, votes, last_vote_affirmation), then the names. */
export const EXPORT_COLUMNS = ['type', 'creator', 'email', 'votes', 'last_vote_affirmation', 'legal_name', 'preferred_name'] as const

function refusal(status: 400 | 403, message: string): Response {
  return Response.json({ errors: [{ message }] }, { status, headers: { 'Cache-Control': 'no-store' } })
}

/** PSF staff and admins, signed in to the admin (a visitor's account never has roles). */
function isPsfStaff(req: PayloadRequest): boolean {
  const user = req.user as (RoleHolder & { collection?: string }) | null | undefined
  return user?.collection === 'users' && hasRole(user, 'psf-staff')
}

/** `?membershipType=` and `?votes=` narrow the export, as the admin list's filters do. */
function filterOf(url: URL): Where | string {
  const and: Where[] = []
  const type = url.searchParams.get('membershipType')
  if (type !== null && type !== '') {
    if (!MEMBERSHIP_TYPES.includes(type as MembershipType)) return `membershipType must be one of ${MEMBERSHIP_TYPES.join(', ')}.`
    and.push({ membershipType: { equals: type } })
  }
  const votes = url.searchParams.get('votes')
  if (votes !== null && votes !== '') {
    if (votes !== 'true' && votes !== 'false') return 'votes must be true or false.'
    and.push({ votes: { equals: votes === 'true' } })
  }
  return { and }
}

async function usernamesOf(req: PayloadRequest, memberships: readonly Membership[]): Promise<Map<number, string>> {
  const ids = [...new Set(memberships.map((membership) => membership.account).filter((id): id is number => typeof id === 'number'))]
  if (ids.length === 0) return new Map()
  const accounts = await req.payload.find({ collection: 'accounts', where: { id: { in: ids } }, limit: ids.length, pagination: false, depth: 0, overrideAccess: true, select: { username: true }, req })
  return new Map(accounts.docs.map((account) => [account.id, String(account.username ?? '')]))
}

/**
 * `GET /api/memberships/export.csv[?membershipType=basic&votes=true]`: the members as CSV, for PSF
 * staff (and admins) only, linked from the admin's membership list. Cells a spreadsheet would
 * run as a formula (=, +, -, @, tab, CR first) are prefixed with a quote by csv-stringify's
 * escape_formulas: names and addresses are typed by visitors.
 */
export const exportMembershipsCsvEndpoint: Endpoint = {
  path: '/export.csv',
  method: 'get',
  handler: async (req) => {
    if (!isPsfStaff(req)) return refusal(403, 'Only PSF staff may export the members.')
    const where = filterOf(new URL(req.url ?? '', 'http://cms.invalid'))
    if (typeof where === 'string') return refusal(400, where)
    const total = await req.payload.count({ collection: 'memberships', where, overrideAccess: true, req })
    if (total.totalDocs > MAX_EXPORT_ROWS) return refusal(400, `${total.totalDocs} members match, more than the ${MAX_EXPORT_ROWS} one export holds: narrow it with membershipType or votes.`)
    const rows: string[][] = []
    for (let page = 1; rows.length < total.totalDocs && page <= Math.ceil(MAX_EXPORT_ROWS / PAGE_SIZE); page += 1) {
      const found = await req.payload.find({ collection: 'memberships', where, sort: 'id', limit: PAGE_SIZE, page, depth: 0, overrideAccess: true, req })
      if (found.docs.length === 0) break
      const usernames = await usernamesOf(req, found.docs)
      for (const membership of found.docs) {
        rows.push([
          membership.membershipType,
          typeof membership.account === 'number' ? (usernames.get(membership.account) ?? '') : '',
          membership.emailAddress,
          membership.votes === true ? 'True' : 'False',
          membership.lastVoteAffirmation ?? '',
          membership.legalName,
          membership.preferredName,
        ])
      }
    }
    const csv = stringify(rows, { header: true, columns: [...EXPORT_COLUMNS], escape_formulas: true, record_delimiter: 'windows' })
    return new Response(csv, {
      status: 200,
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="membership.csv"',
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  },
}
