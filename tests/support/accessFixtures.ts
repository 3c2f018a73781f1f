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
  /**
   * A new document as its writers create one, where a workflow limits the first state (a job
   * starts as a draft or in review for its submitter); absent where that is `visible()`.
   */
  created?(): FixtureInput
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
  /** An election with an open nomination window, and a nominee in it: what nominations hang on. */
  electionId: number
  nomineeId: number
  /** What benefits and sponsorships refer to (issue 17). */
  sponsorshipProgramId: number
  sponsorshipPackageId: number
  sponsorId: number
  /**
   * The visitor's account that is a contact of the visible sponsors and applied for the visible
   * sponsorships; absent where no account acts (the HTTP matrices).
   */
  sponsorContactAccountId?: number
  /** An applied sponsorship nobody's account sees; and one the contact account applied for (where it acts). */
  sponsorshipId: number
  accountSponsorshipId?: number
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
  const electionId = await make('elections', accessElection(0))
  const nomineeId = await make('nominees', { election: electionId, account: 800_000, name: 'Access Nominee', slug: 'access-nominee' })
  const sponsorId = await make('sponsors', { name: 'Access sponsor', contacts: [{ name: 'A. Contact', email: 'contact@example.org', primary: true }] })
  return {
    electionId,
    nomineeId,
    calendarId: await make('calendars', { name: 'Access calendar' }),
    windowsOsId: await make('operating-systems', { name: 'Windows', slug: 'windows' }),
    sourceOsId: await make('operating-systems', { name: 'Source release', slug: 'source' }),
    publishedReleaseId: await make('releases', { name: 'Python 3.80.0', version: 3, isPublished: true }),
    unpublishedReleaseId: await make('releases', { name: 'Python 3.81.0', version: 3, isPublished: false }),
    storyCategoryId: await make('story-categories', { name: 'Access category' }),
    jobCategoryId,
    jobTypeId,
    jobId,
    sponsorshipProgramId: await make('sponsorship-programs', { name: 'Access programme', order: 0 }),
    sponsorshipPackageId: await make('sponsorship-packages', { name: 'Access level', slug: 'access-level', year: 2026, sponsorshipAmount: 1000 }),
    sponsorId,
    sponsorshipId: await make('sponsorships', { sponsor: sponsorId, year: 2026 }),
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

/** An election whose nomination window is open (a day either side of now), numbered. */
export function accessElection(n: number): Record<string, unknown> {
  const day = 24 * 60 * 60 * 1000
  return {
    name: `Access election ${n}`,
    date: new Date(Date.now() + 30 * day).toISOString(),
    nominationsOpenAt: new Date(Date.now() - day).toISOString(),
    nominationsCloseAt: new Date(Date.now() + day).toISOString(),
  }
}

/** A nomination's required fields, numbered (unaccepted, unapproved, no nominee). */
export function accessNomination(n: number, prerequisites: Pick<AccessPrerequisites, 'electionId'>): Record<string, unknown> {
  return { election: prerequisites.electionId, name: `Nominee ${n}`, email: `nominee-${n}@example.org`, employer: 'Example Ltd', statement: `Nominated ${n}.` }
}

/** A minimal well-formed PDF (one empty page), numbered so every upload differs. */
export function contractPdf(n: number): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>']
  let body = `%PDF-1.4\n% access contract ${n}\n`
  const offsets: number[] = []
  objects.forEach((object, index) => {
    offsets.push(body.length)
    body += `${index + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
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
      created: () => ({ data: { ...accessJob(next(), prerequisites), status: 'review' } }),
      patch: text('title'),
    },
    'job-types': always((n) => ({ name: `Access job type ${n}` }), 'name'),
    'job-categories': always((n) => ({ name: `Access job category ${n}` }), 'name'),
    'job-review-comments': {
      visible: () => ({ data: { job: prerequisites.jobId, comment: `Access comment ${next()}` } }),
      patch: text('comment'),
    },
    // A sponsor the visitor's account is a contact of; another it is not.
    sponsors: {
      visible: () => {
        const n = next()
        return { data: { name: `Access sponsor ${n}`, contacts: [{ name: 'A. Contact', email: `sponsor-${n}@example.org`, primary: true, account: prerequisites.sponsorContactAccountId ?? null }] } }
      },
      hidden: () => {
        const n = next()
        return { data: { name: `Access other sponsor ${n}`, contacts: [{ name: 'B. Contact', email: `other-sponsor-${n}@example.org`, primary: true }] } }
      },
      patch: text('description'),
    },
    // The visitor's own application; a rejected one, which python.org hides from the sponsor.
    sponsorships: {
      visible: () => ({ data: { sponsor: prerequisites.sponsorId, package: prerequisites.sponsorshipPackageId, year: 2026, submittedBy: prerequisites.sponsorContactAccountId ?? null } }),
      hidden: () => ({ data: { sponsor: prerequisites.sponsorId, year: 2026, status: 'rejected', submittedBy: prerequisites.sponsorContactAccountId ?? null } }),
      patch: () => ({ field: 'sponsorshipFee', value: 1000 + next() }),
    },
    // Contracts: of the visitor's own application, and of someone else's.
    'sponsor-contracts': {
      visible: () => {
        const n = next()
        const data = contractPdf(n)
        return { data: { sponsorship: prerequisites.accountSponsorshipId ?? prerequisites.sponsorshipId, kind: 'signed' }, file: { data, mimetype: 'application/pdf', name: `access-contract-${n}.pdf`, size: data.length } }
      },
      hidden: () => {
        const n = next()
        const data = contractPdf(n)
        return { data: { sponsorship: prerequisites.sponsorshipId, kind: 'signed' }, file: { data, mimetype: 'application/pdf', name: `access-other-contract-${n}.pdf`, size: data.length } }
      },
      patch: () => ({ field: 'kind', value: next() % 2 === 0 ? 'generated' : 'signed' }),
    },
    // Required assets: of the visitor's own application, and of someone else's.
    'sponsorship-assets': {
      visible: () => ({ data: { sponsorship: prerequisites.accountSponsorshipId ?? prerequisites.sponsorshipId, kind: 'text', internalName: `access_asset_${next()}`, label: 'Access asset' } }),
      hidden: () => ({ data: { sponsorship: prerequisites.sponsorshipId, kind: 'text', internalName: `access_other_asset_${next()}`, label: 'Access asset' } }),
      patch: text('textValue'),
    },
    'sponsorship-programs': always((n) => ({ name: `Access programme ${n}` }), 'description'),
    'sponsorship-packages': always((n) => ({ name: `Access level ${n}`, slug: `access-level-${n}`, year: 2026, sponsorshipAmount: 1000 * n }), 'name'),
    'sponsorship-benefits': always((n) => ({ name: `Access benefit ${n}`, program: prerequisites.sponsorshipProgramId, packages: [prerequisites.sponsorshipPackageId], year: 2026 }), 'description'),
    // One meeting per day (a unique index), stored at noon UTC as the collection normalises it.
    minutes: {
      ...drafts((n) => ({ meetingDate: meetingDay(n) }), 'meetingDate'),
      patch: () => ({ field: 'meetingDate', value: meetingDay(1000 + next()) }),
    },
    // PSF memberships (issue 13): one per account (a unique index), so each fixture names its own.
    memberships: {
      visible: () => {
        const n = next()
        return {
          data: { account: 900_000 + n, legalName: `Member ${n}`, preferredName: `M${n}`, emailAddress: `member-${n}@example.org`, city: 'Town', region: 'Region', country: 'Country', postalCode: '12345' },
        }
      },
      patch: text('city'),
    },
    // PSF elections (issue 13).
    elections: always((n) => accessElection(n), 'name'),
    // Nominees: one per account and election (a unique index), so each fixture names its own account.
    nominees: {
      visible: () => {
        const n = next()
        return { data: { election: prerequisites.electionId, account: 810_000 + n, name: `Nominee ${n}`, accepted: true, approved: true } }
      },
      hidden: () => {
        const n = next()
        return { data: { election: prerequisites.electionId, account: 810_000 + n, name: `Nominee ${n}` } }
      },
      patch: text('name'),
    },
    // Nominations: public once accepted by their nominee and approved.
    nominations: {
      visible: () => ({ data: { ...accessNomination(next(), prerequisites), nominee: prerequisites.nomineeId, accepted: true, approved: true } }),
      hidden: () => ({ data: accessNomination(next(), prerequisites) }),
      patch: text('employer'),
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
