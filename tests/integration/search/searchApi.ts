import { handleEndpoints, type Payload } from 'payload'

export type SearchAnswer = { status: number; contentType: string | null; cacheControl: string | null; body: unknown }

/** `GET /api/search?<query>` through Payload's own endpoint routing, as the Next.js route serves it. */
export async function callSearchApi(payload: Payload, query: string): Promise<SearchAnswer> {
  const response = await handleEndpoints({ config: payload.config, request: new Request(`http://localhost/api/search?${query}`) })
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    cacheControl: response.headers.get('cache-control'),
    body: await response.json(),
  }
}
