import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Release, User } from '../../../collections/generated/payload-types'
import { createRoleUsers } from '../../support/accessUsers'
import { recordQueries } from '../../support/recordQueries'
import { createTestPayload } from '../../support/testPayload'

const PREFIX = 'https://www.python.org/ftp/python/'

/** The demotion of the other latest releases: one UPDATE that sets only the flag and the audit fields. */
const isDemotion = (statement: string) => /^\s*update "releases" set "is_latest" = false/i.test(statement)
/** A read whose main table is this one (Payload names it twice: `from "releases" "releases"`), not a join in it. */
const reads = (table: string) => (statement: string) => new RegExp(`^\\s*select\\b.* from "${table}" "${table}"`, 'is').test(statement)
const isReleaseRead = reads('releases')

/**
 * A release save's round trips (issue 14), counted at the Postgres pool: each statement waits for
 * the one before on the save's transaction connection, so their number is what the editor waits
 * on under load. Counts, not times: they do not depend on the machine.
 */
describe("a release save's database round trips", () => {
  let payload: Payload
  let releaseManager: User
  let previous: Release
  let next: Release
  const as = () => ({ user: releaseManager, overrideAccess: false, depth: 0 }) as const
  const releaseById = (id: number) => payload.findByID({ collection: 'releases', id, depth: 0 })
  const createRelease = (data: Partial<Release> & { name: string }) =>
    payload.create({ collection: 'releases', data: { version: 3, isPublished: true, isLatest: true, releaseDate: '2030-01-01T00:00:00.000Z', ...data }, ...as() })

  beforeAll(async () => {
    payload = await createTestPayload('release_save_round_trips')
    releaseManager = (await createRoleUsers(payload, 'roundtrips'))['release-manager']
    const os = async (name: string, slug: string) => (await payload.create({ collection: 'operating-systems', data: { name, slug }, overrideAccess: true })).id
    const source = await os('Source release', 'source')
    const windows = await os('Windows', 'windows')
    const file = (release: number, osId: number, name: string, url: string) =>
      payload.create({ collection: 'release-files', data: { release, os: osId, name, url, downloadButton: true }, ...as() })
    const python2 = await createRelease({ name: 'Python 2.7.18', version: 2 })
    await file(python2.id, source, 'XZ compressed source tarball', `${PREFIX}2.7.18/Python-2.7.18.tar.xz`)
    const installManager = await createRelease({ name: 'Python install manager 25.0', version: 100 })
    await file(installManager.id, windows, 'Windows MSIX package', `${PREFIX}pymanager/python-manager-25.0.msix`)
    previous = await createRelease({ name: 'Python 3.14.6' })
    await file(previous.id, source, 'XZ compressed source tarball', `${PREFIX}3.14.6/Python-3.14.6.tar.xz`)
    next = await createRelease({ name: 'Python 3.14.7', isPublished: false, isLatest: false, releaseDate: '2030-02-01T00:00:00.000Z' })
    await file(next.id, source, 'XZ compressed source tarball', `${PREFIX}3.14.7/Python-3.14.7.tar.xz`)
    await file(next.id, windows, 'Windows installer (64-bit)', `${PREFIX}3.14.7/python-3.14.7-amd64.exe`)
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  it('a save that fails after the demotion rolls the demotion back with it', async () => {
    // Payload validates after the beforeChange hooks: the demotion has run when the URL is refused.
    await expect(
      payload.update({ collection: 'releases', id: next.id, data: { isPublished: true, isLatest: true, releaseNotesUrl: 'not a url' }, ...as() }),
    ).rejects.toThrow()
    expect((await releaseById(previous.id)).isLatest).toBe(true)
    expect((await releaseById(next.id)).isLatest).toBe(false)
  })

  it('publishing demotes the previous latest in one statement of the save, stamped as a save by this user', async () => {
    const before = await releaseById(previous.id)
    const { statements } = await recordQueries(payload, () =>
      payload.update({ collection: 'releases', id: next.id, data: { isPublished: true, isLatest: true }, ...as() }),
    )
    const demoted = await releaseById(previous.id)
    expect(demoted.isLatest).toBe(false)
    expect(typeof demoted.updatedBy === 'object' ? demoted.updatedBy?.id : demoted.updatedBy).toBe(releaseManager.id)
    expect(Date.parse(demoted.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt))
    expect((await releaseById(next.id)).isLatest).toBe(true)

    // One statement demotes, inside the save's transaction; the demoted release is not read
    // back (Payload's update of it was a find, a lock check, the write, a read back, its search
    // index rows and a notify: eight round trips).
    expect(statements.filter(isDemotion), statements.join('\n')).toHaveLength(1)
    expect(statements.filter((statement) => /^\s*update "releases"/i.test(statement))).toHaveLength(2)
    expect(statements[0]).toMatch(/^begin/i)
    expect(statements.at(-1)).toMatch(/^commit/i)
    // Payload's read of the document, the boxes' read of the latest releases, Payload's read back.
    expect(statements.filter(isReleaseRead), statements.join('\n')).toHaveLength(3)
  })

  it('saving the release that is already latest makes no demotion query at all', async () => {
    const { statements } = await recordQueries(payload, () =>
      payload.update({ collection: 'releases', id: next.id, data: { releaseNotesUrl: 'https://docs.python.org/3.14/whatsnew/changelog.html' }, ...as() }),
    )
    expect(statements.filter(isDemotion)).toEqual([])
    expect(statements.filter(isReleaseRead), statements.join('\n')).toHaveLength(3)
    expect((await releaseById(next.id)).isLatest).toBe(true)
  })

  it('the boxes read the latest release of every line in one query, their files in one and their OSes in one', async () => {
    const { statements } = await recordQueries(payload, () =>
      payload.update({ collection: 'releases', id: next.id, data: { releaseNotesUrl: 'https://docs.python.org/3.14/whatsnew/' }, ...as() }),
    )
    expect(statements.filter((statement) => isReleaseRead(statement) && /"version" in/i.test(statement)), statements.join('\n')).toHaveLength(1)
    expect(statements.filter(reads('release_files')), statements.join('\n')).toHaveLength(1)
    expect(statements.filter(reads('operating_systems')), statements.join('\n')).toHaveLength(1)
    expect(statements.filter((statement) => /^\s*select count\(\*\)/i.test(statement))).toEqual([])

    // What they read: every line's latest release and its files.
    const boxes = await payload.find({ collection: 'boxes', where: { label: { in: ['download-sources', 'supernav-python-downloads'] } }, sort: 'label', depth: 0 })
    const [sources, supernav] = boxes.docs.map((box) => box.content)
    expect(sources).toContain(
      `<p>Download the latest <a href="${PREFIX}3.14.7/Python-3.14.7.tar.xz">Python 3</a> and <a href="${PREFIX}2.7.18/Python-2.7.18.tar.xz">Python 2</a> source.</p>`,
    )
    expect(supernav).toContain(`<a class="button" href="${PREFIX}pymanager/python-manager-25.0.msix">Python install manager</a>`)
    expect(supernav).toContain(`<a class="button" href="${PREFIX}3.14.7/python-3.14.7-amd64.exe">Python 3.14.7</a>`)
  })
})
