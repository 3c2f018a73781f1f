import type { Endpoint } from 'payload'

import { failed } from './accountResponses'

/**
 * Payload's own auth endpoints for the accounts collection, closed: they would bypass the
 * account endpoints' limits, verification and enumeration rules (`/login` signs in unverified
 * accounts, `/forgot-password` mails Payload's clear-text token, `/first-register` creates an
 * account). Custom endpoints are matched before Payload's, so these answer first.
 * `/unlock` stays (staff lift a lockout; the collection's `unlock` access decides).
 */
const CLOSED: readonly { path: string; method: Endpoint['method'] }[] = [
  { path: '/login', method: 'post' },
  { path: '/logout', method: 'post' },
  { path: '/refresh-token', method: 'post' },
  { path: '/forgot-password', method: 'post' },
  { path: '/reset-password', method: 'post' },
  { path: '/verify/:id', method: 'post' },
  { path: '/first-register', method: 'post' },
  { path: '/init', method: 'get' },
]

export const closedAuthEndpoints: Endpoint[] = CLOSED.map(({ path, method }) => ({
  path,
  method,
  handler: () => failed(404, 'Not found: visitors sign in, sign up and reset passwords through the site.'),
}))
