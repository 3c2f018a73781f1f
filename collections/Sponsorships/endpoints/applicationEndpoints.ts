import type { Endpoint, PayloadRequest } from 'payload'

import { throttlesOf } from '../../../cms/throttle/withCmsThrottles'
import { currentAccount, inTransaction } from '../../Accounts/accountStore'
import { clientKey, failed, NOT_JSON, overLimit, readBody, succeeded, type FieldErrors } from '../../Accounts/endpoints/accountResponses'
import type { Account, Sponsor } from '../../generated/payload-types'
import { checkChoice, readApplication, type ApplicationInput, type ChoiceSummary } from '../application/applicationRules'
import { applicationWindowOf, loadCatalog } from '../application/loadCatalog'
import { applicationBody } from './sponsorshipBodies'

const SIGN_IN = 'Please sign in with a verified account to apply.'
const CORRECT_ERRORS = 'Please correct the errors below.'

/** The sponsors an account is a linked contact of (python.org lets a contact apply again for its company). */
async function sponsorsOfAccount(req: PayloadRequest, accountId: number): Promise<Sponsor[]> {
  const found = await req.payload.find({ collection: 'sponsors', where: { 'contacts.account': { equals: accountId } }, sort: 'name', limit: 20, depth: 0, overrideAccess: true, req })
  return found.docs
}

/**
 * `GET /api/sponsorships/application`: the application form's data: the window (open, or closed
 * with the staff's message), the year's programmes, advertised packages and benefits (public
 * fields only) and, for a signed-in account, the sponsors it is a contact of.
 */
export const applicationFormEndpoint: Endpoint = {
  path: '/application',
  method: 'get',
  handler: async (req) => {
    const window = await applicationWindowOf(req)
    const signedIn = await currentAccount(req)
    const sponsors = signedIn === null ? [] : (await sponsorsOfAccount(req, signedIn.account.id)).map((sponsor) => ({ id: sponsor.id, name: sponsor.name }))
    if (!window.open || window.year === null) return succeeded('', { window, programs: [], packages: [], benefits: [], sponsors })
    const catalog = await loadCatalog(req, window.year)
    const benefits = catalog.benefits.map((benefit) => ({ ...benefit, description: catalog.benefitDescriptions[benefit.id] ?? '' }))
    return succeeded('', { window, programs: catalog.programs, packages: catalog.packages, benefits, sponsors })
  },
}

/** The new sponsor's contacts, the applicant's account linked to the one with its address. */
function contactRows(input: ApplicationInput, account: Account): Record<string, unknown>[] {
  const email = account.email.toLowerCase()
  return input.contacts.map((contact) => ({ ...contact, ...(contact.email === email ? { account: account.id } : {}) }))
}

function benefitRows(summary: ChoiceSummary, input: ApplicationInput, packageBenefitIds: number[]): Record<string, unknown>[] {
  return summary.benefitIds.map((id) => ({ benefit: id, addedByUser: input.packageId !== null && !packageBenefitIds.includes(id) }))
}

/**
 * `POST /api/sponsorships/application` `{ package?, benefits?: [id], sponsor?: id, company?:
 * { name, description, landingPageUrl }, contacts?: [{ name, email, phone, primary, ... }] }` ->
 * 201 `{ sponsorship: { id } }`: python.org's sponsorship application, for a signed-in verified
 * account while the window is open. Creates the sponsor (or reuses one the account is a contact
 * of) and a sponsorship in `applied` submitted by the account, in one transaction; the workflow's
 * hooks mail the contacts and the staff. Every refusal is a 4xx with messages, and writes nothing.
 */
export const applyEndpoint: Endpoint = {
  path: '/application',
  method: 'post',
  handler: async (req) => {
    const signedIn = await currentAccount(req)
    if (signedIn === null) return failed(401, SIGN_IN)
    const { account } = signedIn
    const window = await applicationWindowOf(req)
    if (!window.open) return failed(403, window.message)
    const body = await readBody(req, applicationBody)
    if (body === null) return NOT_JSON()
    const named = body.staffFields
    if (named.length > 0) return failed(400, 'The sponsorship staff set the terms and the status.', Object.fromEntries(named.map((name) => [name, 'Only the sponsorship staff set this.'])))
    // An attempt counts before it is checked, as for job postings: a 429 reads nothing else.
    const limiter = throttlesOf(req.payload.config).sponsorshipApplications
    const limited = (await overLimit(limiter, `account:${account.id}`, 'sponsorship applications')) ?? (await overLimit(limiter, clientKey(req), 'sponsorship applications'))
    if (limited) return limited

    const errors: FieldErrors = {}
    const input = readApplication(body, errors)
    const catalog = await loadCatalog(req, window.year)
    const summary = checkChoice(catalog, input, errors)
    if (input.sponsorId !== null && !(await sponsorsOfAccount(req, account.id)).some((sponsor) => sponsor.id === input.sponsorId)) {
      errors.sponsor = 'You are not a contact of this sponsor: enter your company instead.'
    }
    if (Object.keys(errors).length > 0) return failed(400, CORRECT_ERRORS, errors)

    const packageId = input.packageId ?? summary.matchedPackage?.id ?? null
    const included = packageId === null ? [] : catalog.benefits.filter((benefit) => benefit.packages.includes(packageId)).map((benefit) => benefit.id)
    const sponsorship = await inTransaction(req, async () => {
      const sponsorId = input.sponsorId ?? (await req.payload.create({
        collection: 'sponsors',
        data: { ...input.company, contacts: contactRows(input, account) } as never,
        overrideAccess: true,
        depth: 0,
        req,
      })).id
      return req.payload.create({
        collection: 'sponsorships',
        data: {
          sponsor: sponsorId,
          package: packageId,
          year: window.year,
          status: 'applied',
          submittedBy: account.id,
          forModifiedPackage: summary.modified,
          sponsorshipFee: summary.fee,
          benefits: benefitRows(summary, input, included),
        } as never,
        overrideAccess: true,
        depth: 0,
        req,
      })
    })
    return succeeded('Thank you for applying: the PSF sponsorship team will be in touch.', { sponsorship: { id: sponsorship.id } }, 201)
  },
}

export const applicationEndpoints: Endpoint[] = [applicationFormEndpoint, applyEndpoint]
