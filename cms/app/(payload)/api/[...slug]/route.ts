/* Payload's REST API under /api. */
import config from '@payload-config'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

import { isLegacyApi, methodNotAllowed } from '../../../../errors/methodNotAllowed'
import { withRetryAfterHeader } from '../../../../throttle/withRetryAfterHeader'

// Reads are the limited calls whose 429 comes from a hook (an APIError): give it its Retry-After.
export const GET = withRetryAfterHeader(REST_GET(config))
export const POST = REST_POST(config)
export const DELETE = REST_DELETE(config)
export const PATCH = REST_PATCH(config)
export const OPTIONS = REST_OPTIONS(config)
// Payload has no PUT; without this export Next.js would answer a bare 405 with no message.
const refuseRestPut = methodNotAllowed('GET, POST, PATCH, DELETE', 'Update a document with PATCH.')
const refuseLegacyPut = methodNotAllowed('GET, POST, DELETE', "python.org's downloads API has no PUT.")
export const PUT = (request: Request) => (isLegacyApi(request) ? refuseLegacyPut : refuseRestPut)(request)
