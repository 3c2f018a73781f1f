import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import type { Account } from '../generated/payload-types'
import { ACCOUNTS } from './accountAccess'
import { normalEmail } from './accountRules'

/** Reads and writes of accounts the endpoints share; all bypass access (the endpoints decide). */

export async function findAccountBy(req: PayloadRequest, field: 'email' | 'username', value: string): Promise<Account | null> {
  const found = await req.payload.find({
    collection: ACCOUNTS,
    where: { [field]: { equals: field === 'email' ? normalEmail(value) : value.trim().toLowerCase() } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return found.docs[0] ?? null
}

/** Whether an account other than `exceptId` has `email` as its address or as its pending one. */
export async function emailInUse(req: PayloadRequest, email: string, exceptId?: number): Promise<boolean> {
  const address = normalEmail(email)
  const found = await req.payload.count({
    collection: ACCOUNTS,
    where: {
      and: [
        { or: [{ email: { equals: address } }, { pendingEmail: { equals: address } }] },
        ...(exceptId === undefined ? [] : [{ id: { not_equals: exceptId } }]),
      ],
    },
    overrideAccess: true,
    req,
  })
  return found.totalDocs > 0
}

export async function loadAccount(req: PayloadRequest, id: number): Promise<Account | null> {
  const found = await req.payload.find({ collection: ACCOUNTS, where: { id: { equals: id } }, limit: 1, depth: 0, overrideAccess: true, req })
  return found.docs[0] ?? null
}

/** A save by the endpoints: no access checks, and no site purge unless the public profile may have changed. */
export async function saveAccount(req: PayloadRequest, id: number, data: Record<string, unknown>, options: { purge?: boolean } = {}): Promise<Account> {
  return req.payload.update({
    collection: ACCOUNTS,
    id,
    data,
    overrideAccess: true,
    depth: 0,
    req,
    context: { skipSitePurge: options.purge !== true },
  })
}

/** The session id inside a session token Payload signed (checked by Payload before this is used). */
export function sessionIdOf(token: string): string | null {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sid?: unknown }
    return typeof claims.sid === 'string' ? claims.sid : null
  } catch {
    return null
  }
}

/** Ends the sessions of `accountId` for which `end` is true (Payload keeps them on the account). */
export async function endSessions(req: PayloadRequest, accountId: number, end: (sessionId: string) => boolean): Promise<void> {
  const raw = await req.payload.db.findOne<{ id: number; sessions?: { id: string }[] | null }>({ collection: ACCOUNTS, where: { id: { equals: accountId } }, req })
  const sessions = raw?.sessions ?? []
  const kept = sessions.filter((session) => !end(session.id))
  if (kept.length === sessions.length) return
  await saveAccount(req, accountId, { sessions: kept })
}

export type SignIn = { token: string; expiresAt: string; account: Account }

/**
 * Payload's sign-in (username or email, its lockout and its sessions): the session on success,
 * null for wrong credentials, an unknown or a locked account alike.
 */
export async function signInWithPassword(req: PayloadRequest, login: string, password: string): Promise<SignIn | null> {
  try {
    const result = await req.payload.login({ collection: ACCOUNTS, data: { username: login, password }, depth: 0, req })
    if (typeof result.token !== 'string' || typeof result.exp !== 'number') return null
    return { token: result.token, expiresAt: new Date(result.exp * 1000).toISOString(), account: result.user as Account }
  } catch (error) {
    // AuthenticationError, LockedAuth, ValidationError (a missing field): one answer for all.
    if (error instanceof Error && 'status' in error && typeof error.status === 'number' && error.status < 500) return null
    throw error
  }
}

/**
 * Whether `password` is the account's, through Payload's sign-in (so wrong guesses count towards
 * its lockout, as on the sign-in form); the session that check opens is closed again.
 */
export async function passwordMatches(req: PayloadRequest, account: Account, password: string): Promise<boolean> {
  if (password === '') return false
  // Payload's login sets req.user to the account it signed in, without the request's own session.
  const requestUser = req.user
  const signedIn = await signInWithPassword(req, account.email, password).finally(() => {
    req.user = requestUser
  })
  if (signedIn === null || signedIn.account.id !== account.id) return false
  const sessionId = sessionIdOf(signedIn.token)
  if (sessionId !== null) await endSessions(req, account.id, (id) => id === sessionId)
  return true
}

/**
 * The signed-in account of the request (a session Payload accepted from `Authorization: JWT`),
 * if it is still active and verified, with the session's id; null otherwise.
 */
export async function currentAccount(req: PayloadRequest): Promise<{ account: Account; sessionId: string | null } | null> {
  const user = req.user as { id?: unknown; collection?: unknown; _sid?: unknown } | null | undefined
  if (user?.collection !== ACCOUNTS || typeof user.id !== 'number') return null
  const account = await loadAccount(req, user.id)
  if (account === null || account.active === false || account.emailVerified !== true) return null
  return { account, sessionId: typeof user._sid === 'string' ? user._sid : null }
}

/** The account as its owner sees it (AccountService's SignedInAccount). */
export function ownView(account: Account): Record<string, unknown> {
  return {
    id: account.id,
    username: account.username,
    email: account.email,
    pendingEmail: account.pendingEmail ?? null,
    firstName: account.firstName ?? '',
    lastName: account.lastName ?? '',
    bio: account.bio ?? '',
    location: account.location ?? '',
    publicProfile: account.publicProfile !== false,
    searchVisibility: account.searchVisibility !== false,
    emailPrivacy: account.emailPrivacy ?? 'nobody',
    createdAt: account.createdAt,
    lastSignInAt: account.lastSignInAt ?? null,
  }
}

/** Runs `work` in the request's transaction, committing it if this call began it. */
export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const own = await initTransaction(req)
  try {
    const result = await work()
    if (own) await commitTransaction(req)
    return result
  } catch (error) {
    if (own) await killTransaction(req)
    throw error
  }
}
