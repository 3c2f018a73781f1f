/**
 * The request id: one per visitor request, carried from the renderer to the CMS in
 * `X-Request-Id` so one page's lines can be found in both services' logs. An incoming id is
 * kept only when it looks like one we (or a proxy in front) would make; anything else (too
 * long, odd characters, a log-injection attempt) is replaced with a fresh UUID.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'

export const requestIdHeader = 'x-request-id'

const acceptable = /^[A-Za-z0-9._:-]{8,128}$/

export function isValidRequestId(value: unknown): value is string {
  return typeof value === 'string' && acceptable.test(value)
}

/** The incoming id when it is valid, else a new one. */
export function requestIdFrom(header: string | readonly string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header
  return isValidRequestId(value) ? value : randomUUID()
}

const current = new AsyncLocalStorage<string>()

/** Runs `work` with `id` as the current request id (read by the CMS client's calls). */
export function withRequestId<T>(id: string, work: () => T): T {
  return current.run(id, work)
}

export function currentRequestId(): string | undefined {
  return current.getStore()
}

/** `X-Request-Id` for an outgoing call made while answering a request; nothing outside one. */
export function requestIdHeaders(): Record<string, string> {
  const id = current.getStore()
  return id === undefined ? {} : { [requestIdHeader]: id }
}
