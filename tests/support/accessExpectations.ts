import type { SanitizedCollectionConfig, SanitizedGlobalConfig } from 'payload'

/**
 * The foundation issue's access table (issue 2), as the tests check it: who may do what, per
 * collection and global of the Payload config. Shared by the Local API matrix
 * (tests/integration/access) and the GraphQL matrix (tests/system/access).
 */
export const ACTORS = ['anonymous', 'editor', 'release-manager', 'moderator', 'jobs-moderator', 'psf-staff', 'sponsors-manager', 'admin'] as const
/**
 * The Local API matrix also acts as a visitor's account (issue 11: the `accounts` auth
 * collection), which must be refused everything staff-only; the HTTP matrices do not sign one
 * in yet (accounts have no GraphQL, and the legacy API is for staff keys).
 */
export const LOCAL_API_ACTORS = [...ACTORS, 'account'] as const
export type ActorName = (typeof LOCAL_API_ACTORS)[number]

/**
 * What is tried. For every collection: create, read, update, delete, and duplicate where Payload
 * offers it. With versions: listing them and restoring one; with drafts also saving a draft
 * (create and update with `draft: true`) and reading one. Where the public must not see
 * everything: reading an unpublished document. For auth collections: the own-profile, unlock and
 * API-key rules. `read`, `update` and `delete` of users are about someone else's profile.
 * Where a collection holds documents the system generates (the download boxes), changing and
 * deleting one of those (`updateGenerated`, `deleteGenerated`).
 */
export type Operation =
  | 'create'
  | 'createDraft'
  | 'duplicate'
  | 'read'
  | 'readUnpublished'
  | 'readDraft'
  | 'readVersions'
  | 'update'
  | 'updateDraft'
  | 'restoreVersion'
  | 'delete'
  | 'readOwn'
  | 'updateOwn'
  | 'grantOwnRole'
  | 'unlockOther'
  | 'enableOwnApiKey'
  | 'revokeOthersApiKey'
  | 'updateGenerated'
  | 'deleteGenerated'

export type GlobalOperation = 'read' | 'update' | 'readVersions'

/** Who may do each operation; every actor not listed must be refused. */
export type Row = Partial<Record<Operation, readonly ActorName[]>>
export type GlobalRow = Partial<Record<GlobalOperation, readonly ActorName[]>>

/**
 * Operations that need the same right as another unless a row says otherwise: duplicating is
 * creating, saving a draft is creating or updating, restoring a version is updating.
 */
const SAME_RIGHT_AS: Partial<Record<Operation, Operation>> = {
  duplicate: 'create',
  createDraft: 'create',
  updateDraft: 'update',
  restoreVersion: 'update',
}

const EVERYONE: readonly ActorName[] = LOCAL_API_ACTORS
const STAFF: readonly ActorName[] = ['editor', 'release-manager', 'moderator', 'jobs-moderator', 'psf-staff', 'sponsors-manager', 'admin']
const ADMIN: readonly ActorName[] = ['admin']
const NOBODY: readonly ActorName[] = []

// `admin` has every right of every role.
const writers = (...roles: ActorName[]) => ({ create: roles, update: roles, delete: roles })

/** pages, boxes, navigation-items, media, calendars, event-*, events, code-samples, banners, redirects */
const SITE_CONTENT: Row = { ...writers('editor', 'admin'), read: EVERYONE }
const SITE_CONTENT_PUBLISHED_FLAG: Row = { ...SITE_CONTENT, readUnpublished: STAFF }
const SITE_CONTENT_DRAFTS: Row = { ...SITE_CONTENT_PUBLISHED_FLAG, readDraft: STAFF, readVersions: STAFF }
/** Boxes: the generated download boxes are written by the regeneration only, an admin included (issue 18). */
const BOXES: Row = { ...SITE_CONTENT, updateGenerated: NOBODY, deleteGenerated: NOBODY }

/** releases, release-files, operating-systems, release-cycles */
const RELEASE_DATA: Row = { ...writers('release-manager', 'admin'), read: EVERYONE }
const RELEASE_DATA_PUBLISHED_FLAG: Row = { ...RELEASE_DATA, readUnpublished: STAFF }

/** success-stories, story-categories (visitors submit stories through the public form, not here) */
const STORIES: Row = { ...writers('editor', 'moderator', 'admin'), read: EVERYONE }
const STORIES_DRAFTS: Row = { ...STORIES, readUnpublished: STAFF, readDraft: STAFF, readVersions: STAFF }

const USERS: Row = {
  ...writers('admin'),
  read: ADMIN,
  readOwn: STAFF,
  updateOwn: STAFF,
  grantOwnRole: ADMIN,
  // Lifting someone's sign-in lockout (5 wrong passwords) before its 10 minutes are up.
  unlockOther: ADMIN,
  enableOwnApiKey: ['release-manager', 'admin'],
  revokeOthersApiKey: ADMIN,
}

/**
 * Visitors' accounts (issue 11): created by the sign-up endpoint only; moderators and admins see
 * and update them (deactivation), only admins delete; an account reads and updates itself, never
 * its own flags (`grantOwnRole`: setting its own verified or active flag), and cannot unlock others.
 */
const ACCOUNTS: Row = {
  create: NOBODY,
  read: ['moderator', 'admin'],
  update: ['moderator', 'admin'],
  delete: ADMIN,
  readOwn: ['account'],
  updateOwn: ['account'],
  grantOwnRole: NOBODY,
  unlockOther: ['moderator', 'admin'],
}

/** Every collection of the config must be here: a new one cannot escape the access table. */
export const ACCESS_TABLE: Record<string, Row> = {
  pages: SITE_CONTENT_DRAFTS,
  boxes: BOXES,
  'navigation-items': SITE_CONTENT,
  // Visitors see an image once published content shows it; staff see them all (issue 18).
  // Sponsors managers upload sponsors' logos (issue 17), and change or remove none.
  media: { ...SITE_CONTENT_PUBLISHED_FLAG, create: ['editor', 'sponsors-manager', 'admin'] },
  calendars: SITE_CONTENT,
  'event-categories': SITE_CONTENT,
  'event-locations': SITE_CONTENT,
  events: SITE_CONTENT,
  'code-samples': SITE_CONTENT_PUBLISHED_FLAG,
  banners: SITE_CONTENT_PUBLISHED_FLAG,
  redirects: SITE_CONTENT,
  // Imported from the blog feed by the importBlogFeed job; editors may correct entries (issue 5).
  news: SITE_CONTENT,
  releases: RELEASE_DATA_PUBLISHED_FLAG,
  'release-files': RELEASE_DATA_PUBLISHED_FLAG,
  // Uploaded artifacts (issue 4): release managers write, staff read, the public does not.
  'release-artifacts': { ...writers('release-manager', 'admin'), read: STAFF },
  'operating-systems': RELEASE_DATA,
  'release-cycles': RELEASE_DATA,
  'success-stories': STORIES_DRAFTS,
  'story-categories': STORIES,
  // The job board (issue 12): the jobs moderators write; a verified visitor's account posts jobs
  // (and edits only its own: the fixture's job is someone else's); visitors read approved,
  // unexpired jobs; the review discussion is the moderators' own. Moves between states:
  // tests/integration/access/jobTransitionMatrix.test.ts.
  jobs: { ...writers('jobs-moderator', 'admin'), create: ['jobs-moderator', 'admin', 'account'], read: EVERYONE, readUnpublished: STAFF },
  'job-types': { ...writers('jobs-moderator', 'admin'), read: EVERYONE },
  'job-categories': { ...writers('jobs-moderator', 'admin'), read: EVERYONE },
  'job-review-comments': { ...writers('jobs-moderator', 'admin'), read: ['jobs-moderator', 'admin'] },
  // PSF sponsorship (issue 17): the sponsorship staff write everything; the programmes, packages and
  // benefits are public (the application form lists them); a sponsor and its sponsorships are read
  // by the staff and by the sponsor's own contacts (the visitor's account here is a contact of the
  // fixtures' sponsors), never by other staff or the public; rejected sponsorships are hidden from
  // the sponsor, as on python.org.
  sponsors: { ...writers('sponsors-manager', 'admin'), read: ['sponsors-manager', 'admin', 'account'], readUnpublished: ['sponsors-manager', 'admin'] },
  sponsorships: { ...writers('sponsors-manager', 'admin'), read: ['sponsors-manager', 'admin', 'account'], readUnpublished: ['sponsors-manager', 'admin'] },
  // Contracts (private PDFs): the staff, and the contacts of the sponsorship's sponsor.
  'sponsor-contracts': { ...writers('sponsors-manager', 'admin'), read: ['sponsors-manager', 'admin', 'account'], readUnpublished: ['sponsors-manager', 'admin'] },
  // Required assets: the staff, and the contacts (and applicant) of the sponsorship; the contacts
  // fill them through the dashboard's endpoint, not by writing the collection.
  'sponsorship-assets': { ...writers('sponsors-manager', 'admin'), read: ['sponsors-manager', 'admin', 'account'], readUnpublished: ['sponsors-manager', 'admin'] },
  'sponsorship-programs': { ...writers('sponsors-manager', 'admin'), read: EVERYONE },
  'sponsorship-packages': { ...writers('sponsors-manager', 'admin'), read: EVERYONE },
  'sponsorship-benefits': { ...writers('sponsors-manager', 'admin'), read: EVERYONE },
  // PSF Board minutes: staff (editors) write them, the public reads the published ones.
  minutes: SITE_CONTENT_DRAFTS,
  // PSF membership (issue 13): personal data; PSF staff manage it, a member reads their own (the
  // account actor is a member of nothing here, so it reads none).
  memberships: { ...writers('psf-staff', 'admin'), read: ['psf-staff', 'admin'] },
  // PSF elections (issue 13): PSF staff set them up, everyone reads them.
  elections: { ...writers('psf-staff', 'admin'), read: EVERYONE },
  // Nominees follow their nominations; public once one is accepted and approved, else PSF staff
  // (and the nominee's own account, which the account actor is not).
  nominees: { ...writers('psf-staff', 'admin'), read: EVERYONE, readUnpublished: ['psf-staff', 'admin'] },
  // Nominations (collections/Nominations/workflow.ts): the fixture is a public one, accepted and
  // approved, which nobody may create as such (only the nominee accepts; members' and staff's own
  // creations are the rules tests' business: tests/integration/rules/nominationRules.test.ts).
  // PSF staff edit and delete any; the parties edit their own (not the account actor here).
  nominations: { create: NOBODY, update: ['psf-staff', 'admin'], delete: ['psf-staff', 'admin'], read: EVERYONE, readUnpublished: ['psf-staff', 'admin'] },
  users: USERS,
  accounts: ACCOUNTS,
  // Payload's own collections, which it adds to every config.
  // Its key-value store: server code only.
  'payload-kv': { create: NOBODY, read: NOBODY, update: NOBODY, delete: NOBODY },
  // The jobs queue (cms/jobs/adminJobsCollection): admins read it; the queue writes through the database.
  'payload-jobs': { create: NOBODY, read: ADMIN, update: NOBODY, delete: NOBODY },
  // Which document an editor has open: every signed-in staff user takes and releases locks (Payload's
  // default), never an account (cms/config/keepAccountsOutOfAdminCollections).
  'payload-locked-documents': { create: STAFF, read: STAFF, update: STAFF, delete: STAFF },
  // Admin UI preferences: everyone keeps their own; `read`/`update`/`delete` are someone else's.
  'payload-preferences': { create: STAFF, duplicate: NOBODY, read: NOBODY, update: NOBODY, delete: NOBODY },
  // Applied migrations (cms/config/restrictPayloadMigrations): admins read; only migrations write.
  'payload-migrations': { create: NOBODY, read: ADMIN, update: NOBODY, delete: NOBODY },
}

/** Every global of the config must be here too. */
export const GLOBAL_ACCESS_TABLE: Record<string, GlobalRow> = {
  // When each schedule last queued a job (cms/jobs/restrictJobStatsGlobal): admins read, nobody writes.
  'payload-jobs-stats': { read: ADMIN, update: NOBODY },
  // The application window (issue 17): public to read (the form says when it opens), the sponsorship staff edit it.
  'sponsorship-settings': { read: EVERYONE, update: ['sponsors-manager', 'admin'] },
}

/** Operations that need an actor's own profile: anonymous visitors have none. */
export const OWN_PROFILE_OPERATIONS: readonly Operation[] = ['readOwn', 'updateOwn', 'grantOwnRole', 'enableOwnApiKey']

/** The operations the config says a collection must be tested for. */
export function requiredOperations(collection: SanitizedCollectionConfig, hasUnpublishedFixture: boolean, hasGeneratedFixture = false): Operation[] {
  const operations: Operation[] = ['create', 'read', 'update', 'delete']
  if (collection.disableDuplicate !== true) operations.push('duplicate')
  if (collection.versions) operations.push('readVersions', 'restoreVersion')
  if (collection.versions && collection.versions.drafts) operations.push('createDraft', 'updateDraft', 'readUnpublished', 'readDraft')
  else if (hasUnpublishedFixture) operations.push('readUnpublished')
  if (hasGeneratedFixture) operations.push('updateGenerated', 'deleteGenerated')
  if (collection.auth) {
    operations.push('readOwn', 'updateOwn', 'grantOwnRole', 'unlockOther')
    if (collection.auth.useAPIKey) operations.push('enableOwnApiKey', 'revokeOthersApiKey')
  }
  return operations
}

export function requiredGlobalOperations(global: SanitizedGlobalConfig): GlobalOperation[] {
  return global.versions ? ['read', 'update', 'readVersions'] : ['read', 'update']
}

/** Who may do `operation`, from the row or from the operation it shares its right with. */
export function allowedActors(row: Row, operation: Operation): readonly ActorName[] | undefined {
  const shared = SAME_RIGHT_AS[operation]
  return row[operation] ?? (shared === undefined ? undefined : row[shared])
}

/** Problems with the table itself: a collection or global without a row, an operation nobody decided. */
export function tableProblems(
  collections: readonly SanitizedCollectionConfig[],
  globals: readonly SanitizedGlobalConfig[],
  hasUnpublishedFixture: (slug: string) => boolean,
  hasGeneratedFixture: (slug: string) => boolean = () => false,
): string[] {
  const problems: string[] = []
  for (const collection of collections) {
    const row = ACCESS_TABLE[collection.slug]
    if (!row) {
      problems.push(`collection ${collection.slug}: no row in the access table (tests/support/accessExpectations.ts)`)
      continue
    }
    const required = requiredOperations(collection, hasUnpublishedFixture(collection.slug), hasGeneratedFixture(collection.slug))
    for (const operation of required) if (!allowedActors(row, operation)) problems.push(`collection ${collection.slug}: the table does not say who may ${operation}`)
    for (const operation of Object.keys(row) as Operation[]) {
      if (!required.includes(operation)) problems.push(`collection ${collection.slug}: ${operation} does not apply to this collection`)
    }
  }
  for (const slug of Object.keys(ACCESS_TABLE)) {
    if (!collections.some((collection) => collection.slug === slug)) problems.push(`collection ${slug}: in the access table but not in the config`)
  }
  for (const global of globals) {
    const row = GLOBAL_ACCESS_TABLE[global.slug]
    if (!row) {
      problems.push(`global ${global.slug}: no row in the access table (tests/support/accessExpectations.ts)`)
      continue
    }
    for (const operation of requiredGlobalOperations(global)) if (!row[operation]) problems.push(`global ${global.slug}: the table does not say who may ${operation}`)
  }
  for (const slug of Object.keys(GLOBAL_ACCESS_TABLE)) {
    if (!globals.some((global) => global.slug === slug)) problems.push(`global ${slug}: in the access table but not in the config`)
  }
  return problems
}

/** The one line a summary script collects from each matrix (Local API, GraphQL, legacy API). */
export function accessMatrixSummary(surface: string, cases: number, mismatches: number): string {
  return `access matrix: ${cases} cases, ${mismatches} mismatches (${surface})`
}
