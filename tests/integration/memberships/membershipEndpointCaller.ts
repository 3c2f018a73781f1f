import { createLocalReq, type Endpoint, type Payload, type PayloadRequest } from 'payload'

import { membershipEndpoints } from '../../../collections/Memberships/endpoints/membershipEndpoints'

export type Reply = { status: number; text: string; body: Record<string, unknown>; headers: Headers }

/**
 * Calls one of the membership endpoints as Payload's REST handler would: the JSON body, the
 * query string, and the caller's token (`Authorization: JWT <token>`, an account's session or a
 * staff user's) authenticated by Payload's own JWT strategy.
 */
export function membershipCaller(payload: Payload) {
  return async (method: Endpoint['method'], path: string, options: { body?: unknown; token?: string; query?: string } = {}): Promise<Reply> => {
    const endpoint = membershipEndpoints.find((candidate) => candidate.method === method && candidate.path === path)
    if (!endpoint) throw new Error(`No membership endpoint ${method} ${path}`)
    const req = (await createLocalReq({ urlSuffix: `/api/memberships${path}${options.query ?? ''}` }, payload)) as PayloadRequest
    req.json = () => (options.body === undefined ? Promise.reject(new SyntaxError('no body')) : Promise.resolve(options.body))
    if (options.token !== undefined) {
      const { user } = await payload.auth({ headers: new Headers({ Authorization: `JWT ${options.token}` }) })
      req.user = user
    }
    const response = await endpoint.handler(req)
    const text = await response.text()
    let body: Record<string, unknown> = {}
    try {
      body = JSON.parse(text) as Record<string, unknown>
    } catch {
      // CSV: `text` holds it.
    }
    return { status: response.status, text, body, headers: response.headers }
  }
}
