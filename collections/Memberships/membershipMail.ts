import type { PayloadRequest } from 'payload'

import { queueMail } from '../../cms/mail/queueMail'
import { siteUrlOf } from '../Accounts/accountMail'
import type { Membership } from '../generated/payload-types'
import { schemaSettingsOf } from '../settings/schemaSettings'
import { MEMBERSHIP_TYPE_LABELS } from './membershipTypes'

const yesNo = (value: boolean | null | undefined): string => (value === true ? 'Yes' : 'No')

/**
 * The membership's messages, queued in the request's transaction and sent by the mail job after
 * it commits. Both go to the account's own, verified address, never to the address typed in the
 * form (unverified: a form must not be a way to mail strangers).
 */
export const membershipMail = {
  /** The confirmation of a sign-up (python.org sent none; the issue asks for one). */
  confirmed: (req: PayloadRequest, membership: Membership, accountEmail: string) =>
    queueMail(req, {
      template: 'membershipConfirmed',
      to: accountEmail,
      values: {
        preferredName: membership.preferredName,
        legalName: membership.legalName,
        emailAddress: membership.emailAddress,
        city: membership.city,
        region: membership.region,
        postalCode: membership.postalCode,
        country: membership.country,
        membershipType: MEMBERSHIP_TYPE_LABELS[membership.membershipType],
        votes: yesNo(membership.votes),
        announcements: yesNo(membership.announcements),
        editUrl: `${siteUrlOf(req)}/users/membership/edit/`,
      },
    }),

  /**
   * What python.org meant by its announcements opt-in (a "subscribe" mail to the list's request
   * address; dead there, as the form never had the field): a Mailman command naming the member's
   * account address. python.org sent it From the member's address, which is forging their mail
   * (SPF and DMARC refuse it); `address=` lets the site send it as itself, and Mailman asks the
   * member to confirm, so nobody is subscribed without their say. Unsubscribing when the member
   * opts out (or leaves) is the same command's other half. Nothing is sent when
   * PSF_ANNOUNCE_REQUEST_ADDRESS is empty.
   */
  listRequest: async (req: PayloadRequest, command: 'subscribe' | 'unsubscribe', accountEmail: string) => {
    const listAddress = schemaSettingsOf(req).psfAnnounceRequestAddress
    if (listAddress === null) return
    await queueMail(req, { template: 'membershipListRequest', to: listAddress, values: { command, address: accountEmail } })
  },
}
