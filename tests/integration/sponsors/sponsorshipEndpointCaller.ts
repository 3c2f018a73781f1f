import { createLocalReq, type Endpoint, type Payload, type PayloadRequest } from 'payload'

import { applicationEndpoints } from '../../../collections/Sponsorships/endpoints/applicationEndpoints'
import { dashboardEndpoints } from '../../../collections/Sponsorships/endpoints/dashboardEndpoints'

export type Reply = { status: number; body: Record<string, unknown>; headers: Headers }

/**
 * Calls one of the sponsorship endpoints (/api/sponsorships/application, /mine...) as Payload's
 * REST handler would: the JSON body, the route parameters, and the caller's token
 * (`Authorization: JWT <token>`) authenticated by Payload's own JWT strategy.
 */
export function sponsorshipCaller(payload: Payload) {
  return async (method: Endpoint['method'], path: string, options: { body?: unknown; token?: string; params?: Record<string, string> } = {}): Promise<Reply> => {
    const endpoint = [...applicationEndpoints, ...dashboardEndpoints].find((candidate) => candidate.method === method && candidate.path === path)
    if (!endpoint) throw new Error(`No sponsorship endpoint ${method} ${path}`)
    const req = (await createLocalReq({}, payload)) as PayloadRequest
    req.json = () => (options.body === undefined ? Promise.reject(new SyntaxError('no body')) : Promise.resolve(options.body))
    req.routeParams = options.params ?? {}
    if (options.token !== undefined) {
      const { user } = await payload.auth({ headers: new Headers({ Authorization: `JWT ${options.token}` }) })
      req.user = user
    }
    const response = await endpoint.handler(req)
    return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers }
  }
}
