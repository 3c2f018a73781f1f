import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import type { User } from '../../collections/generated/payload-types'
import type { Role } from '../../collections/access/roles'
import { TEST_PASSWORD } from './accessFixtures'
import { isForbidden, type Outcome } from './accessProbes'
import { looseLocalApi } from './accessLocalApi'

/**
 * One user per role, created in this order: the first user of an empty database becomes an
 * admin (the create-first-user rule), so the admin comes first.
 */
export async function createRoleUsers(payload: Payload, tag: string): Promise<Record<Role, User>> {
  const make = (role: Role) =>
    payload.create({
      collection: 'users',
      data: { email: `${role}-${tag}@example.org`, username: `${role}-${tag}`, password: TEST_PASSWORD, roles: [role] },
      overrideAccess: true,
      depth: 0,
    })
  const admin = await make('admin')
  return { admin, editor: await make('editor'), 'release-manager': await make('release-manager'), moderator: await make('moderator'), 'jobs-moderator': await make('jobs-moderator'), 'psf-staff': await make('psf-staff'), 'sponsors-manager': await make('sponsors-manager') }
}

async function stored(payload: Payload, id: number): Promise<User> {
  return payload.findByID({ collection: 'users', id, overrideAccess: true, depth: 0 })
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

/**
 * A user adds a role to their own profile. Only admins hand out roles: for anyone else the
 * save may go through (Payload drops a field the user may not write) but no role is gained.
 */
export async function probeGrantOwnRole(payload: Payload, user: User): Promise<Outcome> {
  const before = [...(user.roles ?? [])]
  const extra: Role = before.includes('editor') ? 'moderator' : 'editor'
  try {
    await payload.update({ collection: 'users', id: user.id, data: { roles: [...before, extra] }, overrideAccess: false, user, depth: 0 })
  } catch (error) {
    if (!isForbidden(error)) return `unexpected: ${describeError(error)}`
  }
  const after = (await stored(payload, user.id)).roles ?? []
  if (after.includes(extra)) {
    await payload.update({ collection: 'users', id: user.id, data: { roles: before }, overrideAccess: true, depth: 0 })
    return 'allowed'
  }
  return JSON.stringify(after) === JSON.stringify(before) ? 'denied' : `unexpected: roles became ${JSON.stringify(after)}`
}

/** A user enables an API key on their own profile: allowed, or refused with Forbidden. */
export async function probeEnableOwnApiKey(payload: Payload, user: User): Promise<Outcome> {
  try {
    await payload.update({
      collection: 'users',
      id: user.id,
      data: { enableAPIKey: true, apiKey: randomUUID() },
      overrideAccess: false,
      user,
      depth: 0,
    })
  } catch (error) {
    if (!isForbidden(error)) return `unexpected: ${describeError(error)}`
    return (await stored(payload, user.id)).enableAPIKey ? 'unexpected: Forbidden, yet the key was enabled' : 'denied'
  }
  if (!(await stored(payload, user.id)).enableAPIKey) return 'unexpected: the save went through but the key is not enabled'
  await payload.update({ collection: 'users', id: user.id, data: { enableAPIKey: false }, overrideAccess: true, depth: 0 })
  return 'allowed'
}

/** A user with an enabled API key, whose key someone else then tries to revoke. */
export async function createUserWithApiKey(payload: Payload, tag: string): Promise<User> {
  return payload.create({
    collection: 'users',
    data: {
      email: `key-holder-${tag}@example.org`,
      username: `key-holder-${tag}`,
      password: TEST_PASSWORD,
      roles: ['release-manager'],
      enableAPIKey: true,
      apiKey: randomUUID(),
    },
    overrideAccess: true,
    depth: 0,
  })
}

/** `user` revokes the API key of `target` (someone else). */
export async function probeRevokeApiKey(payload: Payload, target: User, user: User | null): Promise<Outcome> {
  try {
    await payload.update({ collection: 'users', id: target.id, data: { enableAPIKey: false }, overrideAccess: false, user, depth: 0 })
  } catch (error) {
    if (!isForbidden(error)) return `unexpected: ${describeError(error)}`
    return (await stored(payload, target.id)).enableAPIKey ? 'denied' : 'unexpected: Forbidden, yet the key was revoked'
  }
  return (await stored(payload, target.id)).enableAPIKey ? 'unexpected: the save went through but the key is still enabled' : 'allowed'
}

/** A user (staff, or a visitor's account) locked out by wrong passwords, as Payload records it, for `user` to unlock. */
export async function probeUnlockOther(payload: Payload, tag: string, user: User | null, collection: 'users' | 'accounts' = 'users'): Promise<Outcome> {
  const target = await looseLocalApi(payload).create({
    collection,
    data: { email: `locked-${tag}@example.org`, username: `locked-${tag}`, password: TEST_PASSWORD, ...(collection === 'users' ? { roles: ['editor'] } : { emailVerified: true }) },
    overrideAccess: true,
  })
  const lockUntil = new Date(Date.now() + 10 * 60 * 1000).toISOString()
  await payload.db.updateOne({ collection, id: target.id, data: { loginAttempts: 5, lockUntil } })
  // lockUntil is hidden from the Local API's reads: ask the database adapter.
  const locked = async () => {
    const current = await payload.db.findOne<{ id: number; lockUntil?: string | Date | null }>({ collection, where: { id: { equals: target.id } } })
    return current?.lockUntil != null && new Date(current.lockUntil).getTime() > Date.now()
  }
  if (!(await locked())) return 'unexpected: the fixture user could not be locked'
  try {
    // An actor that names its collection (a visitor's account) keeps it; staff are `users`.
    await payload.unlock({ collection, data: { email: String(target.email) } as { email: string; password: string }, overrideAccess: false, req: { user: (user ? { ...user, collection: (user as { collection?: string }).collection ?? 'users' } : null) as User | null } })
  } catch (error) {
    if (!isForbidden(error)) return `unexpected: ${describeError(error)}`
    return (await locked()) ? 'denied' : 'unexpected: Forbidden, yet the user was unlocked'
  }
  return (await locked()) ? 'unexpected: the unlock went through but the user is still locked' : 'allowed'
}

/**
 * A visitor's account sets its own flags (verified, active) through the collection: refused
 * (Forbidden, or the save goes through without them), so an account never verifies itself.
 */
export async function probeSetOwnAccountFlags(payload: Payload, account: User): Promise<Outcome> {
  const id = account.id
  const read = async () => looseLocalApi(payload).findByID({ collection: 'accounts', id, overrideAccess: true })
  const before = await read()
  if (before === null) return 'unexpected: the account is gone'
  await payload.db.updateOne({ collection: 'accounts', id, data: { emailVerified: false, active: false } })
  try {
    await looseLocalApi(payload).update({ collection: 'accounts', id, data: { emailVerified: true, active: true }, overrideAccess: false, user: account })
  } catch (error) {
    if (!isForbidden(error)) return `unexpected: ${describeError(error)}`
  }
  const after = await read()
  await payload.db.updateOne({ collection: 'accounts', id, data: { emailVerified: before.emailVerified, active: before.active } })
  if (after?.emailVerified === true || after?.active === true) return 'allowed'
  return 'denied'
}
