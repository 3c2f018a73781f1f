import { LegacyHttpError } from './LegacyHttpError'

/** tastypie's defaults: 20 per page, at most 1000; `limit=0` asks for the maximum. */
export const DEFAULT_LIMIT = 20
export const MAX_LIMIT = 1000

export type ListWindow = { limit: number; offset: number }

function nonNegativeInteger(params: URLSearchParams, name: string, fallback: number): number {
  const raw = params.get(name)
  if (raw === null || raw === '') return fallback
  if (!/^\d+$/.test(raw)) throw new LegacyHttpError(400, `Invalid ${name} '${raw}' provided. Please provide a non-negative integer.`)
  return Number(raw)
}

export function parseListWindow(params: URLSearchParams): ListWindow {
  const limit = nonNegativeInteger(params, 'limit', DEFAULT_LIMIT)
  const offset = nonNegativeInteger(params, 'offset', 0)
  return { limit: limit === 0 || limit > MAX_LIMIT ? MAX_LIMIT : limit, offset }
}

export type ListMeta = {
  limit: number
  offset: number
  total_count: number
  next: string | null
  previous: string | null
}

function pageUri(url: URL, limit: number, offset: number): string {
  const params = new URLSearchParams(url.search)
  params.set('limit', String(limit))
  params.set('offset', String(offset))
  return `${url.pathname}?${params.toString()}`
}

/** The `meta` block of a tastypie list, with `next`/`previous` as relative URIs keeping the filters. */
export function listMeta(url: URL, window: ListWindow, totalCount: number): ListMeta {
  const { limit, offset } = window
  return {
    limit,
    offset,
    total_count: totalCount,
    next: offset + limit < totalCount ? pageUri(url, limit, offset + limit) : null,
    previous: offset > 0 ? pageUri(url, limit, Math.max(0, offset - limit)) : null,
  }
}
