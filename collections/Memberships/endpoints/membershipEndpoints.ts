import type { Endpoint } from 'payload'

import { exportMembershipsCsvEndpoint } from './exportMembershipsCsv'
import { affirmVoteEndpoint, joinEndpoint, leaveEndpoint, myMembershipEndpoint, updateMembershipEndpoint } from './ownMembership'

/** Every endpoint of /api/memberships/ the CMS adds (Payload's CRUD ones follow, under the collection's access). */
export const membershipEndpoints: Endpoint[] = [myMembershipEndpoint, joinEndpoint, updateMembershipEndpoint, leaveEndpoint, affirmVoteEndpoint, exportMembershipsCsvEndpoint]
