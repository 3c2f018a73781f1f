/* Payload's GraphQL API at /api/graphql, with anonymous callers limited per client (cms/throttle/). */
import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { methodNotAllowed } from '../../../../errors/methodNotAllowed'
import { answerMalformedRequests, refuseMalformedQueries } from '../../../../graphql/answerMalformedRequests'
import { throttleAnonymousGraphql } from '../../../../throttle/throttleAnonymousGraphql'

// answerMalformedRequests outermost, so a database that is down is a 503 wherever it is met; the
// throttle before the body is parsed (refuseMalformedQueries), so a refused caller costs no parse.
export const POST = answerMalformedRequests(throttleAnonymousGraphql(refuseMalformedQueries(GRAPHQL_POST(config)), config))
export const OPTIONS = REST_OPTIONS(config)
// Queries are POSTed as JSON; other methods get a 405 that says so, not a bare one.
const refuse = methodNotAllowed('POST', 'POST the query as JSON: {"query": "..."}.')
export const GET = refuse
export const PUT = refuse
export const PATCH = refuse
export const DELETE = refuse
