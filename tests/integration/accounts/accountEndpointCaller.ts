import { createLocalReq, type Endpoint, type Payload, type PayloadRequest } from 'payload'

import { accountEndpoints } from '../../../collections/Accounts/endpoints/accountEndpoints'

export type Answer = { status: number; body: Record<string, unknown>; headers: Headers }

/**
 * Calls one of the account endpoints as Payload's REST handler would: the JSON body, the route
 * parameters, and the visitor's session (`Authorization: JWT <token>`) authenticated by Payload's
 * own JWT strategy, sessions included.
 */
export function accountCaller(payload: Payload) {
  return async (method: Endpoint['method'], path: string, options: { body?: unknown; session?: string; params?: Record<string, string>; user?: PayloadRequest['user'] } = {}): Promise<Answer> => {
    const endpoint = accountEndpoints.find((candidate) => candidate.method === method && candidate.path === path)
    if (!endpoint) throw new Error(`No account endpoint ${method} ${path}`)
    const req = (await createLocalReq({}, payload)) as PayloadRequest
    req.json = () => (options.body === undefined ? Promise.reject(new SyntaxError('no body')) : Promise.resolve(options.body))
    req.routeParams = options.params ?? {}
    if (options.session !== undefined) {
      const { user } = await payload.auth({ headers: new Headers({ Authorization: `JWT ${options.session}` }) })
      req.user = user
    } else if (options.user !== undefined) {
      req.user = options.user
    }
    const response = await endpoint.handler(req)
    return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers }
  }
}
