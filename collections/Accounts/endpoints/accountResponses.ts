import type { PayloadRequest } from 'payload'
import type { z } from 'zod'

import type { RateLimiter } from '../../../lib/throttle/RateLimiter'
import { clientAddressFrom } from '../../../cms/throttle/clientAddressHeader'
import { tooManyRequestsHeaders, tooManyRequestsMessage } from '../../../cms/throttle/tooManyRequests'

/**
 * The account endpoints' one JSON shape: `{ message, errors?, ...value }`. Every answer is
 * personal or about a secret (a token, a password), so none is ever stored by a cache.
 */
const NO_STORE = { 'Cache-Control': 'no-store' }

export type FieldErrors = Record<string, string>

export function succeeded(message: string, value: Record<string, unknown> = {}, status = 200): Response {
  return Response.json({ ...value, message }, { status, headers: NO_STORE })
}

export function failed(status: 400 | 401 | 403 | 404 | 409, message: string, errors: FieldErrors = {}): Response {
  return Response.json({ message, errors }, { status, headers: NO_STORE })
}

/** The body read by the endpoint's schema (each app's `*Bodies.ts`), or null when it is not JSON or not an object. */
export async function readBody<T>(req: PayloadRequest, schema: z.ZodType<T>): Promise<T | null> {
  let body: unknown
  try {
    body = typeof req.json === 'function' ? await req.json() : undefined
  } catch {
    return null
  }
  const result = schema.safeParse(body)
  return result.success ? result.data : null
}

export const NOT_JSON = (): Response => failed(400, 'The request body must be a JSON object.')

/** The requesting visitor as limits count it (the address the CMS's server stamped). */
export function clientKey(req: PayloadRequest): string {
  return `address:${clientAddressFrom(req.headers)}`
}

/** Counts one request against `limiter`; the 429 to answer when over, else null. */
export async function overLimit(limiter: RateLimiter, key: string, what: string): Promise<Response | null> {
  const decision = await limiter.hit(key)
  if (decision.allowed) return null
  const message = tooManyRequestsMessage(what, decision, 'hour')
  return Response.json({ message, errors: {}, retryAfterSeconds: decision.retryAfterSeconds }, { status: 429, headers: tooManyRequestsHeaders(decision) })
}

/** Whether `limiter` still allows `key` (counting it), for limits that act silently (no mail rather than a 429). */
export async function withinLimit(limiter: RateLimiter, key: string): Promise<boolean> {
  return (await limiter.hit(key)).allowed
}
