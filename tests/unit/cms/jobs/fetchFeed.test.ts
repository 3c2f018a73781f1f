import { afterEach, describe, expect, it } from 'vitest'

import { fetchFeed } from '../../../../cms/jobs/fetchFeed'
import { freePort } from '../../../support/freePort'
import { startFixtureHttpServer, type FixtureHttpServer } from '../../../support/fixtureHttpServer'

describe('fetching a feed for an import job', () => {
  let server: FixtureHttpServer | undefined

  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  it('returns the body of a 2xx answer and sends the Accept header it was given', async () => {
    server = await startFixtureHttpServer()
    server.serve('/feed', { body: 'BEGIN:VCALENDAR' })

    expect(await fetchFeed(server.url('/feed'), 'text/calendar', { allowPrivate: true })).toBe('BEGIN:VCALENDAR')
    expect(server.requests.map((request) => [request.headers.accept, request.headers['user-agent']])).toEqual([['text/calendar', 'python.org content system (feed import)']])
  })

  it('fails on an error status, naming the URL and the status', async () => {
    server = await startFixtureHttpServer()
    await expect(fetchFeed(server.url('/missing.ics'), 'text/calendar', { allowPrivate: true })).rejects.toThrow(new Error(`GET ${server.url('/missing.ics')} answered 404 Not Found`))
  })

  it('fails on a host that does not answer, naming the reason', async () => {
    const url = `http://127.0.0.1:${await freePort()}/feed`
    await expect(fetchFeed(url, 'text/calendar', { allowPrivate: true })).rejects.toThrow(new Error(`GET ${url} failed: ECONNREFUSED`))
  })
})
