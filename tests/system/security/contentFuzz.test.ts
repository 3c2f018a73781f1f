/**
 * Content fuzz (issue 10): the site must survive its own content. fast-check generates hostile
 * documents for every collection from its Payload field config (tests/support/contentFuzz/) and
 * saves them through the Local API as staff would (a non-admin user with the editor, release
 * manager, moderator and jobs-moderator roles, access checked, validation on; published where there are drafts);
 * then every site page that shows that collection is requested, cold (the site's cache purged).
 * Then the same through each importer's input: hostile iCalendar, RSS/Atom and release-cycle
 * JSON served by a local fixture server to the import jobs.
 *
 * A save refused with a 4xx-style error (validation, a value the database refuses) is a pass; a
 * save that crashes is a failure; every page must answer within 2 s and never with a 5xx.
 * Each generated document is deleted once checked. Prints
 * `content fuzz: N documents tried, M pages checked, F failures` (read by `npm run test:security`).
 * The seed is fixed (CONTENT_FUZZ_SEED=<n> tries others, and replays a failing one); CONTENT_FUZZ_RUNS=<n> sets the documents per collection.
 */
import fc from 'fast-check'
import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import type { User } from '../../../collections/generated/payload-types'
import { classifyDatabaseError } from '../../../cms/errors/classifyDatabaseError'
import { runJobByHand, type HandRunResult } from '../../../cms/jobs/runJobByHand'
import { ContentFuzzTally, describeInput } from '../../support/contentFuzz/ContentFuzzTally'
import { documentArbitrary, type RelationPool } from '../../support/contentFuzz/documentArbitrary'
import { hostileMarkup } from '../../support/contentFuzz/hostileContent'
import { hostileBlogFeed, hostileICalendar, hostileReleaseCycles } from '../../support/contentFuzz/importerInputs'
import { pagesShowing } from '../../support/contentFuzz/pagesShowing'
import { startFixtureHttpServer, type FixtureHttpServer } from '../../support/fixtureHttpServer'
import { connectToSystemDatabase } from '../../support/systemLocalPayload'
import { homeBoxLabels } from '../../../web/src/routes/home'

// The fixture feeds are served on 127.0.0.1, which feed fetches refuse unless told (cms/config/feedFetchEnv.ts).
process.env.FEED_FETCH_ALLOW_PRIVATE = 'true'

const webUrl = inject('webUrl')
const purgeSecret = inject('purgeSecret')
/** Fixed, so that every run (CI included) tries the same documents; another seed explores further. */
const seed = Number(process.env.CONTENT_FUZZ_SEED ?? 20_261_204)
/** Documents per collection: with the pages each one shows, a few minutes on two cores. */
const RUNS = Number(process.env.CONTENT_FUZZ_RUNS ?? 5)
/** Hostile feeds per importer. */
const FEED_RUNS = Math.max(1, Math.ceil(RUNS / 2))
/** A save that takes longer has hung. */
const SAVE_TIMEOUT_MS = 20_000
/** Uploads have their own suite (tests/system/security/uploads.test.ts); accounts are not content. */
const NOT_CONTENT = new Set(['users', 'media', 'release-artifacts'])
const BLOG_FEED_PATH = '/fuzz/blog.xml'
const RELEASE_CYCLE_PATH = '/fuzz/release-cycle.json'

const WARM_UP = ['/', '/downloads/', '/downloads/operating-systems/', '/downloads/feed.rss', '/doc/versions/', '/events/', '/events/calendars/', '/events/python-events/', '/events/python-events/feed.ics', '/success-stories/', '/blogs/', '/sitemap.xml', '/search/?q=python', '/about/', '/box/homepage-introduction/', '/no-such-page/']

const tally = new ContentFuzzTally()
let payload: Payload
let server: FixtureHttpServer
let staff: User & { collection: 'users' }
let pool: RelationPool
let unique = Date.now() % 100_000

const nextUnique = () => (unique += 1)

async function purgeSite(): Promise<void> {
  const response = await fetch(`${webUrl}/_purge`, { method: 'POST', headers: { authorization: `Bearer ${purgeSecret}`, 'content-type': 'application/json' }, body: '{"all":true}' })
  expect(response.status, await response.text()).toBe(200)
}

/** What a refused save looks like: an error the REST API answers with a 4xx. */
function isRefusal(error: unknown): boolean {
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number((error as { status: unknown }).status) : NaN
  if (status >= 400 && status < 500) return true
  const database = classifyDatabaseError(error)
  return database !== null && database.kind !== 'unavailable'
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${SAVE_TIMEOUT_MS} ms`)), SAVE_TIMEOUT_MS)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

async function checkPages(target: string, paths: readonly string[], input: string): Promise<void> {
  await purgeSite()
  for (const path of paths) await tally.checkPage(webUrl, path, target, input, purgeSite)
}

async function idsOf(collection: string): Promise<Set<number | string>> {
  const { docs } = await payload.find({ collection: collection as CollectionSlug, limit: 0, pagination: false, depth: 0, overrideAccess: true, select: { createdAt: true } })
  return new Set(docs.map((doc) => doc.id))
}

async function deleteNew(collection: string, before: ReadonlySet<number | string>): Promise<void> {
  for (const id of await idsOf(collection)) {
    if (!before.has(id)) await payload.delete({ collection: collection as CollectionSlug, id, overrideAccess: true }).catch((error: unknown) => console.log(`content fuzz: could not delete ${collection} ${id}: ${String(error)}`))
  }
}

/** Saves one generated document as staff; checks the pages that show it; deletes it. */
async function tryDocument(collection: string, data: Record<string, unknown>, drafts: boolean): Promise<void> {
  const input = describeInput(data)
  let saved: Record<string, unknown>
  try {
    saved = (await withTimeout(
      payload.create({ collection: collection as CollectionSlug, data: drafts ? { ...data, _status: 'published' } : data, overrideAccess: false, user: staff, depth: 1, draft: false }),
      `saving a ${collection} document`,
    )) as unknown as Record<string, unknown>
  } catch (error) {
    tally.document(collection, false)
    tally.refusal(collection, error instanceof Error ? `${error.message} ${JSON.stringify((error as { data?: unknown }).data ?? '')}` : String(error))
    if (!isRefusal(error)) tally.fail({ target: collection, problem: `the save crashed instead of refusing: ${error instanceof Error ? (error.stack ?? error.message).slice(0, 800) : String(error)}`, input })
    return
  }
  tally.document(collection, true)
  try {
    await checkPages(collection, pagesShowing(collection, saved), input)
  } finally {
    await payload.delete({ collection: collection as CollectionSlug, id: saved.id as number, overrideAccess: true }).catch((error: unknown) => console.log(`content fuzz: could not delete ${collection} ${String(saved.id)}: ${String(error)}`))
  }
}

/** Runs an import job; a refused feed (the job failed or will retry) is a pass, a crash of the runner is not. */
async function runImport(target: string, task: string, input: Record<string, unknown>, feed: string): Promise<HandRunResult | null> {
  try {
    const result = await withTimeout(runJobByHand(payload, task, input), `the ${task} job`)
    // A refused feed leaves its job waiting for a retry, which the serving CMS would run later against a feed that is gone.
    await payload.delete({ collection: 'payload-jobs', id: result.jobId, overrideAccess: true }).catch(() => undefined)
    return result
  } catch (error) {
    tally.fail({ target, problem: `the import crashed: ${error instanceof Error ? error.message : String(error)}`, input: describeInput(feed) })
    return null
  }
}

beforeAll(async () => {
  server = await startFixtureHttpServer()
  payload = await connectToSystemDatabase({ BLOG_FEED_URL: server.url(BLOG_FEED_PATH), RELEASE_CYCLE_URL: server.url(RELEASE_CYCLE_PATH) })
  const tag = Date.now().toString(36)
  staff = {
    ...(await payload.create({ collection: 'users', data: { email: `content-fuzz-${tag}@example.org`, username: `content-fuzz-${tag}`, password: 'content-fuzz-password-1', roles: ['editor', 'release-manager', 'moderator', 'jobs-moderator'] }, overrideAccess: true })),
    collection: 'users',
  }
  const ids = new Map<string, (number | string)[]>()
  for (const collection of payload.config.collections) {
    const { docs } = await payload.find({ collection: collection.slug as CollectionSlug, limit: 8, depth: 0, overrideAccess: true, select: { createdAt: true } })
    ids.set(collection.slug, docs.map((doc) => doc.id))
  }
  pool = ids
  // The first renders after a start compile templates and load the CMS's routes: not what the
  // budget is about, so every kind of page is rendered once before anything is timed.
  for (const path of WARM_UP) await (await fetch(`${webUrl}${path}`, { redirect: 'manual' })).text()
  console.log(`content fuzz seed: ${seed} (CONTENT_FUZZ_SEED=${seed} replays it), ${RUNS} documents per collection, ${FEED_RUNS} feeds per importer`)
})

afterAll(async () => {
  console.log(tally.breakdown())
  console.log(tally.summaryLine())
  if (staff) await payload.delete({ collection: 'users', id: staff.id, overrideAccess: true })
  await server?.close()
  await purgeSite()
})

/** Every content collection of the CMS's config, so a new one is fuzzed without touching this test. */
function contentCollections(): string[] {
  return payload.config.collections.map((collection) => collection.slug).filter((slug) => !slug.startsWith('payload-') && !NOT_CONTENT.has(slug)).sort()
}

describe('hostile content saved by staff and rendered by the site', () => {
  it('covers every content collection', () => {
    const slugs = contentCollections()
    console.log(`content fuzz collections: ${slugs.join(', ')}`)
    expect(slugs).toEqual(expect.arrayContaining(['pages', 'boxes', 'events', 'releases', 'success-stories', 'news', 'navigation-items']))
  })

  it('saves or refuses every generated document, and every page showing it answers within 2 s, never 5xx', { timeout: 900_000 }, async () => {
    for (const [index, collection] of contentCollections().entries()) {
      const config = payload.collections[collection as CollectionSlug].config
      const drafts = Boolean(config.versions && typeof config.versions === 'object' && config.versions.drafts)
      const documents = fc.sample(documentArbitrary(collection, config.fields, pool, nextUnique), { seed: seed + index, numRuns: RUNS })
      for (const data of documents) await tryDocument(collection, data, drafts)
    }
    expect(tally.failures).toEqual([])
  })
})

describe('hostile content in the documents the site already shows', () => {
  it('an edit of a box the home page shows: the home page answers within 2 s, never 5xx', { timeout: 300_000 }, async () => {
    const edits = fc.sample(
      fc.record({ label: fc.constantFrom(...homeBoxLabels), markupType: fc.constantFrom('html', 'markdown', 'restructuredtext') }).chain(({ label, markupType }) => hostileMarkup(markupType).map((content) => ({ label, markupType, content }))),
      { seed, numRuns: RUNS },
    )
    for (const edit of edits) {
      const { docs } = await payload.find({ collection: 'boxes', where: { label: { equals: edit.label } }, limit: 1, depth: 0, overrideAccess: true })
      const box = docs[0]
      if (box === undefined) continue
      const input = describeInput(edit)
      try {
        await withTimeout(payload.update({ collection: 'boxes', id: box.id, data: { markupType: edit.markupType as 'html', content: edit.content }, overrideAccess: false, user: staff, depth: 0 }), 'saving a box')
      } catch (error) {
        tally.document('home boxes', false)
        if (!isRefusal(error)) tally.fail({ target: 'home boxes', problem: `the save crashed instead of refusing: ${String(error)}`, input })
        continue
      }
      tally.document('home boxes', true)
      try {
        await checkPages('home boxes', ['/'], input)
      } finally {
        await payload.update({ collection: 'boxes', id: box.id, data: { markupType: box.markupType, content: box.content }, overrideAccess: true, depth: 0 })
      }
    }
    expect(tally.failuresOf('home boxes')).toEqual([])
  })
})

describe('hostile feeds imported and rendered by the site', () => {
  it('imports or refuses hostile iCalendar feeds; the calendar and event pages answer within 2 s, never 5xx', { timeout: 600_000 }, async () => {
    const feeds = fc.sample(hostileICalendar, { seed, numRuns: FEED_RUNS })
    for (const feed of feeds) {
      const slug = `fuzz-calendar-${nextUnique()}`
      const path = `/fuzz/${slug}.ics`
      server.serve(path, { contentType: 'text/calendar', body: feed })
      const calendar = await payload.create({ collection: 'calendars', data: { name: slug, slug, url: server.url(path) }, overrideAccess: true })
      const eventsBefore = await idsOf('events')
      try {
        const result = await runImport('calendar import', 'importCalendars', { calendar: slug }, feed)
        const imported = (await idsOf('events')).size - eventsBefore.size
        tally.document('calendar import', result?.state === 'succeeded' && imported > 0)
        const { docs: events } = await payload.find({ collection: 'events', where: { calendar: { equals: calendar.id } }, limit: 5, depth: 0, overrideAccess: true })
        await checkPages('calendar import', ['/', '/events/', `/events/${slug}/`, `/events/${slug}/feed.ics`, `/events/${slug}/past/`, ...events.flatMap((event) => [`/events/${slug}/${event.id}/`, `/events/${slug}/${event.id}/event.ics`])], describeInput(feed))
      } finally {
        await deleteNew('events', eventsBefore)
        await payload.delete({ collection: 'calendars', id: calendar.id, overrideAccess: true })
      }
    }
    expect(tally.failuresOf('calendar import')).toEqual([])
  })

  it('imports or refuses hostile blog feeds (RSS and Atom); the pages listing news answer within 2 s, never 5xx', { timeout: 600_000 }, async () => {
    for (const run of Array.from({ length: FEED_RUNS }, (_, index) => index)) {
      const [feed] = fc.sample(hostileBlogFeed(nextUnique()), { seed: seed + run, numRuns: 1 })
      server.serve(BLOG_FEED_PATH, { contentType: 'application/rss+xml', body: feed })
      const before = await idsOf('news')
      try {
        const result = await runImport('blog import', 'importBlogFeed', {}, feed)
        tally.document('blog import', result?.state === 'succeeded' && (await idsOf('news')).size > before.size)
        await checkPages('blog import', ['/', '/blogs/'], describeInput(feed))
      } finally {
        await deleteNew('news', before)
      }
    }
    expect(tally.failuresOf('blog import')).toEqual([])
  })

  it('imports or refuses hostile release-cycle JSON; the downloads pages answer within 2 s, never 5xx', { timeout: 600_000 }, async () => {
    for (const run of Array.from({ length: FEED_RUNS }, (_, index) => index)) {
      const [feed] = fc.sample(hostileReleaseCycles(nextUnique()), { seed: seed + run, numRuns: 1 })
      server.serve(RELEASE_CYCLE_PATH, { contentType: 'application/json', body: feed })
      const before = await idsOf('release-cycles')
      try {
        const result = await runImport('release-cycle import', 'refreshReleaseCycles', {}, feed)
        tally.document('release-cycle import', result?.state === 'succeeded' && (await idsOf('release-cycles')).size > before.size)
        await checkPages('release-cycle import', ['/', '/downloads/', '/doc/versions/'], describeInput(feed))
      } finally {
        await deleteNew('release-cycles', before)
      }
    }
    expect(tally.failuresOf('release-cycle import')).toEqual([])
  })
})
