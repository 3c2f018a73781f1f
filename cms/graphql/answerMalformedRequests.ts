import { classifyDatabaseError } from '../errors/classifyDatabaseError'
import { queryPrecheckProblem } from './queryPrecheckProblem'

type RouteHandler = (request: Request) => Promise<Response>

function errorResponse(status: number, message: string): Response {
  return Response.json({ errors: [{ message }] }, { status, headers: { 'Cache-Control': 'no-store' } })
}

/** The query of a JSON body, or undefined (Payload answers bodies without one). */
function queryOf(body: unknown): unknown {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { query?: unknown }).query : undefined
}

/**
 * Wraps Payload's GraphQL route, outermost. Payload reads the body (and the caller's user) before
 * its own error handling starts, so a database that is down ended as a bare 500 with an empty
 * body: here it becomes a 503, a 4xx Payload throws keeps its status and message; a body that is
 * not JSON at all is a 415 that says what to send (graphql-http's own 415 has no body). The body
 * itself is read only inside the throttle (refuseMalformedQueries), so an anonymous caller over
 * its limit costs no parse; its size is capped by the HTTP server first (cms/requestLimits/).
 */
export function answerMalformedRequests(handler: RouteHandler): RouteHandler {
  return async (request) => {
    if (!(request.headers.get('content-type') ?? '').includes('json')) {
      return errorResponse(415, 'Send the query as JSON: Content-Type: application/json, body {"query": "...", "variables": {...}}.')
    }
    try {
      return await handler(request)
    } catch (error) {
      if (classifyDatabaseError(error)?.kind === 'unavailable') return errorResponse(503, 'The database is unavailable; try again in a moment.')
      const status = (error as { status?: unknown }).status
      if (typeof status === 'number' && status >= 400 && status < 500 && error instanceof Error) return errorResponse(status, error.message)
      throw error
    }
  }
}

/**
 * A body that is not JSON is a 400 naming the problem (Payload answered a bare 500); a query unfit
 * for Payload (see queryPrecheckProblem) is refused as the limit rules refuse theirs: a 200
 * holding only `errors` over application/json, a 400 to `Accept: application/graphql-response+json`.
 */
export function refuseMalformedQueries(handler: RouteHandler): RouteHandler {
  return async (request) => {
    let body: unknown
    try {
      body = JSON.parse(await request.clone().text())
    } catch {
      return errorResponse(400, 'The request body is not valid JSON: send {"query": "...", "variables": {...}}.')
    }
    const problem = queryPrecheckProblem(queryOf(body))
    if (problem !== null) {
      const strict = (request.headers.get('accept') ?? '').includes('application/graphql-response+json')
      return errorResponse(strict ? 400 : 200, problem)
    }
    return handler(request)
  }
}
