import type { File, Payload } from 'payload'
import sharp from 'sharp'

import type { User } from '../../collections/generated/payload-types'
import { looseLocalApi, type AnyDoc } from './accessLocalApi'

/** What `payload.create` needs for one fixture document (`user`: whose it is, where Payload takes that from the request). */
export type FixtureInput = { data: Record<string, unknown>; draft?: boolean; file?: File; user?: User }

/** How the tests make documents of one collection. */
export interface CollectionFixture {
  /** A new document as the public should see it (published, active, of a published release). */
  visible(): FixtureInput
  /** A new document the public must not see; absent where everything is public. */
  hidden?(): FixtureInput
  /** A document the system generates (a download box), which only the system may change; absent elsewhere. */
  generated?(): FixtureInput
  /** A change an update makes (a field and a new value that can be read back). */
  patch(): { field: string; value: unknown }
}

/** The documents other fixtures point at. */
export interface AccessPrerequisites {
  calendarId: number
  windowsOsId: number
  sourceOsId: number
  publishedReleaseId: number
  unpublishedReleaseId: number
  storyCategoryId: number
  jobCategoryId: number
  jobTypeId: number
  /** A job in review: what review comments hang on. */
  jobId: number
}

export const FILE_URL_PREFIX = 'https://www.python.org/ftp/python/'

/** A valid password for test users; nothing secret about it. */
export const TEST_PASSWORD = 'correct horse battery staple'

/** Creates the calendar, operating systems, releases and story category the fixtures refer to. */
export async function createAccessPrerequisites(payload: Payload): Promise<AccessPrerequisites> {
  const api = looseLocalApi(payload)
  const make = async (collection: string, data: Record<string, unknown>) =>
    (await api.create({ collection, data, overrideAccess: true, draft: false })).id
  const jobCategoryId = await make('job-categories', { name: 'Access job category' })
  const jobTypeId = await make('job-types', { name: 'Access job type' })
  const jobId = await make('jobs', { ...accessJob(0, { jobCategoryId, jobTypeId }), status: 'review' })
  return {
    calendarId: await make('calendars', { name: 'Access calendar' }),
    windowsOsId: await make('operating-systems', { name: 'Windows', slug: 'windows' }),
    sourceOsId: await make('operating-systems', { name: 'Source release', slug: 'source' }),
    publishedReleaseId: await make('releases', { name: 'Python 3.80.0', version: 3, isPublished: true }),
    unpublishedReleaseId: await make('releases', { name: 'Python 3.81.0', version: 3, isPublished: false }),
    storyCategoryId: await make('story-categories', { name: 'Access category' }),
    jobCategoryId,
    jobTypeId,
    jobId,
  }
}

/** A complete job posting (every required field), numbered. */
export function accessJob(n: number, prerequisites: Pick<AccessPrerequisites, 'jobCategoryId' | 'jobTypeId'>): Record<string, unknown> {
  return {
    title: `Access job ${n}`,
    companyName: 'Example Ltd',
    category: prerequisites.jobCategoryId,
    types: [prerequisites.jobTypeId],
    city: 'Lisbon',
    country: 'Portugal',
    description: 'Write Python.',
    requirements: 'Python.',
    email: `jobs-${n}@example.org`,
    url: 'https://example.org/jobs/',
  }
}

/** A small real PNG, so the media collection (sharp, images only) accepts the upload. */
export async function tinyPng(): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#3776ab' } }).png().toBuffer()
}

/**
 * One fixture per collection slug. Every call makes new unique values (slugs, paths, labels,
 * URLs, release names), so the fixtures never collide with each other or with a previous case.
 */
/** A day far from any real meeting, distinct for every n. */
function meetingDay(n: number): string {
  return new Date(Date.UTC(2100, 0, 1, 12) + n * 24 * 60 * 60 * 1000).toISOString()
}

export function accessFixtures(prerequisites: AccessPrerequisites, png: Buffer): Record<string, CollectionFixture> {
  let counter = 0
  const next = () => ++counter
  const text = (field: string) => () => ({ field, value: `patched ${next()}` })
  type Build = (n: number) => Record<string, unknown>
  const always = (data: Build, field: string): CollectionFixture => ({
    visible: () => ({ data: data(next()) }),
    patch: text(field),
  })
  const flagged = (data: Build, flag: string, field: string): CollectionFixture => ({
    visible: () => ({ data: { ...data(next()), [flag]: true } }),
    hidden: () => ({ data: { ...data(next()), [flag]: false } }),
    patch: text(field),
  })
  const drafts = (data: Build, field: string): CollectionFixture => ({
    visible: () => ({ data: { ...data(next()), _status: 'published' } }),
    hidden: () => ({ data: { ...data(next()), _status: 'draft' }, draft: true }),
    patch: text(field),
  })
  const releaseFile = (releaseId: number) => {
    const n = next()
    return { release: releaseId, os: prerequisites.windowsOsId, name: `Access file ${n}`, url: `${FILE_URL_PREFIX}3.80.0/access-${n}.exe` }
  }

  return {
    pages: drafts((n) => ({ title: `Access page ${n}`, path: `/access/page-${n}/` }), 'description'),
    boxes: {
      ...always((n) => ({ label: `access-box-${n}`, content: '<p>box</p>' }), 'content'),
      generated: () => ({ data: { label: `access-generated-${next()}`, content: '<p>generated</p>', generated: true } }),
    },
    'navigation-items': always((n) => ({ title: `Access item ${n}`, url: '/access/', order: 0 }), 'hint'),
    media: {
      // Shown by published content (the flag its hook sets), so visitors may see it.
      visible: () => {
        const n = next()
        return { data: { alt: `Access image ${n}`, usedInPublishedContent: true }, file: { data: png, mimetype: 'image/png', name: `access-${n}.png`, size: png.length } }
      },
      // Uploaded for a draft only.
      hidden: () => {
        const n = next()
        return { data: { alt: `Access draft image ${n}` }, file: { data: png, mimetype: 'image/png', name: `access-draft-${n}.png`, size: png.length } }
      },
      patch: text('alt'),
    },
    'code-samples': flagged((n) => ({ title: `Access sample ${n}`, code: 'print("hi")', copy: '<p>hi</p>' }), 'isPublished', 'title'),
    banners: flagged((n) => ({ title: `Access banner ${n}`, message: 'Hello' }), 'active', 'message'),
    news: always((n) => ({ title: `Access news ${n}`, url: `https://blog.python.org/access-${n}.html`, guid: `access-news-${n}`, publishedAt: '2026-11-01T00:00:00.000Z' }), 'title'),
    redirects: {
      visible: () => ({ data: { from: `/access/old-${next()}/`, to: '/access/new/' } }),
      patch: () => ({ field: 'to', value: `/access/new-${next()}/` }),
    },
    releases: {
      visible: () => ({ data: { name: `Python 3.90.${next()}`, version: 3, isPublished: true } }),
      hidden: () => ({ data: { name: `Python 3.90.${next()}`, version: 3, isPublished: false } }),
      patch: () => ({ field: 'releaseNotesUrl', value: `https://docs.python.org/release/${next()}/` }),
    },
    'release-files': {
      visible: () => ({ data: releaseFile(prerequisites.publishedReleaseId) }),
      hidden: () => ({ data: releaseFile(prerequisites.unpublishedReleaseId) }),
      patch: text('description'),
    },
    'release-artifacts': {
      visible: () => {
        const n = next()
        const data = Buffer.from(`artifact ${n}`)
        return { data: {}, file: { data, mimetype: 'application/octet-stream', name: `access-artifact-${n}.bin`, size: data.length } }
      },
      patch: text('note'),
    },
    'operating-systems': always((n) => ({ name: `Access OS ${n}` }), 'name'),
    'release-cycles': {
      visible: () => ({
        data: { cycle: `9.${next()}`, status: 'bugfix', firstRelease: '2030-10-01T00:00:00.000Z', endOfLife: '2035-10-01T00:00:00.000Z' },
      }),
      patch: () => ({ field: 'pep', value: 9000 + next() }),
    },
    calendars: always((n) => ({ name: `Access calendar ${n}` }), 'description'),
    'event-categories': always((n) => ({ name: `Access category ${n}` }), 'name'),
    'event-locations': always((n) => ({ name: `Access venue ${n}` }), 'address'),
    events: always((n) => ({ title: `Access event ${n}`, calendar: prerequisites.calendarId }), 'title'),
    'success-stories': drafts(
      (n) => ({
        name: `Access story ${n}`,
        companyName: 'Example Ltd',
        companyUrl: 'https://example.org/',
        author: 'A. Author',
        pullQuote: 'Python works.',
        category: prerequisites.storyCategoryId,
      }),
      'pullQuote',
    ),
    'story-categories': always((n) => ({ name: `Access story category ${n}` }), 'name'),
    // Approved jobs are public (until they expire); drafts are the staff's.
    jobs: {
      visible: () => ({ data: { ...accessJob(next(), prerequisites), status: 'approved' } }),
      hidden: () => ({ data: { ...accessJob(next(), prerequisites), status: 'draft' } }),
      patch: text('title'),
    },
    'job-types': always((n) => ({ name: `Access job type ${n}` }), 'name'),
    'job-categories': always((n) => ({ name: `Access job category ${n}` }), 'name'),
    'job-review-comments': {
      visible: () => ({ data: { job: prerequisites.jobId, comment: `Access comment ${next()}` } }),
      patch: text('comment'),
    },
    // One meeting per day (a unique index), stored at noon UTC as the collection normalises it.
    minutes: {
      ...drafts((n) => ({ meetingDate: meetingDay(n) }), 'meetingDate'),
      patch: () => ({ field: 'meetingDate', value: meetingDay(1000 + next()) }),
    },
    users: {
      visible: () => {
        const n = next()
        return { data: { email: `person-${n}@example.org`, username: `person-${n}`, password: TEST_PASSWORD, roles: ['release-manager'] } }
      },
      patch: () => ({ field: 'username', value: `renamed-${next()}` }),
    },
    // Visitors' accounts (issue 11), verified and active, as sign-up leaves them once confirmed.
    accounts: {
      visible: () => {
        const n = next()
        return { data: { email: `visitor-${n}@example.org`, username: `visitor-${n}`, password: TEST_PASSWORD, emailVerified: true, active: true } }
      },
      patch: () => ({ field: 'location', value: `Place ${next()}` }),
    },
  }
}

/** Stores a fixture document, bypassing access (the setup is not what is being tested). */
export async function createFixture(payload: Payload, collection: string, input: FixtureInput): Promise<AnyDoc> {
  return looseLocalApi(payload).create({ collection, ...input, overrideAccess: true })
}
