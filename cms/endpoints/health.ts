import { sql } from '@payloadcms/db-postgres'
import type { Endpoint } from 'payload'

/**
 * `GET /api/health`: 200 when the CMS can reach its database, 503 (never a 500) when it
 * cannot, so load balancers and the renderer can tell an outage from a bug.
 */
export const healthEndpoint: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    const headers = { 'Cache-Control': 'no-store' }
    try {
      await req.payload.db.drizzle.execute(sql`SELECT 1`)
      return Response.json({ status: 'ok', database: 'ok' }, { status: 200, headers })
    } catch (error) {
      req.payload.logger.error({ err: error }, 'Health check: database unreachable')
      return Response.json({ status: 'unavailable', database: 'unreachable' }, { status: 503, headers })
    }
  },
}
