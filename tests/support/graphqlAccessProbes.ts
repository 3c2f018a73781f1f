import type { GraphQLSchema } from 'graphql'
import type { Payload } from 'payload'

import type { ActorName } from './accessExpectations'
import type { FixtureInput } from './accessFixtures'
import { looseLocalApi, type AnyDoc } from './accessLocalApi'
import type { Outcome } from './accessProbes'
import { argumentType, dataInputType, toGraphqlInput } from './graphqlMutations'

type GraphqlError = { message: string; extensions?: { statusCode?: number; name?: string } }
type GraphqlAnswer = { status: number; data: Record<string, unknown> | null; errors: GraphqlError[] }

/** Sends GraphQL over HTTP as an actor (a session token per role; none for anonymous). */
export type GraphqlClient = (query: string, variables: Record<string, unknown>, actor: ActorName) => Promise<GraphqlAnswer>

export function graphqlClient(cmsUrl: string, tokens: Partial<Record<ActorName, string>>): GraphqlClient {
  return async (query, variables, actor) => {
    const token = tokens[actor]
    const response = await fetch(`${cmsUrl}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    })
    const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: GraphqlError[] }
    return { status: response.status, data: body.data ?? null, errors: body.errors ?? [] }
  }
}

/** Everything a probe needs: the schema, the HTTP client, the Local API to check with, and a record of what it made. */
export type GraphqlProbeContext = {
  schema: GraphQLSchema
  send: GraphqlClient
  payload: Payload
  /** Documents the probes created, for the test to delete afterwards. */
  created: { collection: string; id: number }[]
}

const isForbidden = (answer: GraphqlAnswer) => answer.errors.some((error) => error.extensions?.statusCode === 403)
/**
 * An upload collection's create got past access and stopped for want of a file, which GraphQL
 * cannot carry. By message: the production build shortens error class names.
 */
const isMissingFile = (answer: GraphqlAnswer) =>
  answer.errors.some((error) => error.extensions?.statusCode === 400 && error.message === 'No files were uploaded.')

/**
 * The Local API fills required fields from their defaults; GraphQL declares them non-null and
 * wants them sent (a release's date, a box's markup type).
 */
function withRequiredDefaults(payload: Payload, collection: string, data: Record<string, unknown>): Record<string, unknown> {
  const filled = { ...data }
  for (const field of payload.collections[collection as keyof Payload['collections']].config.flattenedFields) {
    if (!('required' in field) || field.required !== true || !('defaultValue' in field) || filled[field.name] !== undefined) continue
    const fallback: unknown = field.defaultValue
    filled[field.name] = typeof fallback === 'function' ? (fallback as (args: object) => unknown)({}) : fallback
  }
  return filled
}

function describe(answer: GraphqlAnswer): string {
  const error = answer.errors[0]
  return error ? `${error.extensions?.name ?? 'error'} (${error.extensions?.statusCode ?? answer.status}): ${error.message}` : `HTTP ${answer.status} without data`
}

async function count(payload: Payload, collection: string): Promise<number> {
  return (await looseLocalApi(payload).count({ collection, overrideAccess: true })).totalDocs
}

async function latest(payload: Payload, collection: string, id: number): Promise<AnyDoc | null> {
  return looseLocalApi(payload).findByID({ collection, id, overrideAccess: true, disableErrors: true, draft: true })
}

function returnedId(answer: GraphqlAnswer, mutation: string): number | null {
  const doc = answer.data?.[mutation] as { id?: unknown } | null | undefined
  return typeof doc?.id === 'number' ? doc.id : null
}

/** `createX(data, draft)` as `actor`; refused means a 403 and no more documents than before. */
export async function probeGraphqlCreate(
  context: GraphqlProbeContext,
  collection: string,
  mutation: string,
  input: FixtureInput,
  actor: ActorName,
  options: { draft: boolean; upload: boolean },
): Promise<Outcome> {
  const { schema, send, payload } = context
  const before = await count(payload, collection)
  const complete = withRequiredDefaults(payload, collection, input.data)
  const data = toGraphqlInput(dataInputType(schema, mutation), options.draft ? { ...complete, _status: 'draft' } : complete)
  const answer = await send(
    `mutation Probe($data: ${argumentType(schema, mutation, 'data')}) { ${mutation}(data: $data${options.draft ? ', draft: true' : ''}) { id } }`,
    { data },
    actor,
  )
  const id = returnedId(answer, mutation)
  if (id !== null) {
    context.created.push({ collection, id })
    const stored = await latest(payload, collection, id)
    if (!stored) return 'unexpected: create answered an id that is not stored'
    if (options.draft && stored._status !== 'draft') return `unexpected: the draft is stored as ${JSON.stringify(stored._status)}`
    return 'allowed'
  }
  const after = await count(payload, collection)
  if (after !== before) return `unexpected: ${describe(answer)}, yet ${after - before} document(s) were written`
  if (isForbidden(answer)) return 'denied'
  if (options.upload && isMissingFile(answer)) return 'allowed'
  return `unexpected: ${describe(answer)}`
}

/** `updateX(id, data, draft)` as `actor`, checked against what is stored. */
export async function probeGraphqlUpdate(
  context: GraphqlProbeContext,
  collection: string,
  mutation: string,
  id: number,
  patch: { field: string; value: unknown },
  actor: ActorName,
  options: { draft: boolean },
): Promise<Outcome> {
  const { schema, send, payload } = context
  const read = async (draft: boolean) =>
    (await looseLocalApi(payload).findByID({ collection, id, overrideAccess: true, disableErrors: true, draft }))?.[patch.field]
  const before = await read(true)
  const data = toGraphqlInput(dataInputType(schema, mutation), { [patch.field]: patch.value, ...(options.draft ? { _status: 'draft' } : {}) })
  const answer = await send(
    `mutation Probe($id: ${argumentType(schema, mutation, 'id')}, $data: ${argumentType(schema, mutation, 'data')}) { ${mutation}(id: $id, data: $data${options.draft ? ', draft: true' : ''}) { id } }`,
    { id, data },
    actor,
  )
  const after = await read(true)
  if (returnedId(answer, mutation) === null) {
    if (after !== before) return `unexpected: ${describe(answer)}, yet ${patch.field} became ${JSON.stringify(after)}`
    return isForbidden(answer) ? 'denied' : `unexpected: ${describe(answer)}`
  }
  if (after !== patch.value) return `unexpected: the update went through but ${patch.field} is ${JSON.stringify(after)}`
  if (options.draft && (await read(false)) === patch.value) return 'unexpected: a draft save changed the published document'
  return 'allowed'
}

/** `deleteX(id)` as `actor`. */
export async function probeGraphqlDelete(context: GraphqlProbeContext, collection: string, mutation: string, id: number, actor: ActorName): Promise<Outcome> {
  const { schema, send, payload } = context
  const answer = await send(`mutation Probe($id: ${argumentType(schema, mutation, 'id')}) { ${mutation}(id: $id) { id } }`, { id }, actor)
  const gone = (await latest(payload, collection, id)) === null
  if (returnedId(answer, mutation) !== null) return gone ? 'allowed' : 'unexpected: delete answered, but the document is still there'
  if (gone) return `unexpected: ${describe(answer)}, yet the document was deleted`
  return isForbidden(answer) ? 'denied' : `unexpected: ${describe(answer)}`
}

/** `duplicateX(id, data)` as `actor`, `data` giving the copy fresh unique values. */
export async function probeGraphqlDuplicate(
  context: GraphqlProbeContext,
  collection: string,
  mutation: string,
  id: number,
  fresh: Record<string, unknown>,
  actor: ActorName,
): Promise<Outcome> {
  const { schema, send, payload } = context
  const before = await count(payload, collection)
  const answer = await send(
    `mutation Probe($id: ${argumentType(schema, mutation, 'id')}, $data: ${argumentType(schema, mutation, 'data')}) { ${mutation}(id: $id, data: $data) { id } }`,
    { id, data: toGraphqlInput(dataInputType(schema, mutation), withRequiredDefaults(payload, collection, fresh)) },
    actor,
  )
  const copy = returnedId(answer, mutation)
  if (copy !== null) {
    context.created.push({ collection, id: copy })
    return copy !== id && (await latest(payload, collection, copy)) ? 'allowed' : 'unexpected: duplicate answered a document that is not a stored copy'
  }
  const after = await count(payload, collection)
  if (after !== before) return `unexpected: ${describe(answer)}, yet ${after - before} document(s) were written`
  return isForbidden(answer) ? 'denied' : `unexpected: ${describe(answer)}`
}

/** `restoreVersionX(id)` of a document's first version, after it was changed once. */
export async function probeGraphqlRestoreVersion(
  context: GraphqlProbeContext,
  collection: string,
  mutation: string,
  id: number,
  field: string,
  actor: ActorName,
): Promise<Outcome> {
  const { schema, send, payload } = context
  const versions = await looseLocalApi(payload).findVersions({ collection, where: { parent: { equals: id } }, sort: 'createdAt', overrideAccess: true })
  const first = versions.docs[0]
  if (!first || versions.totalDocs < 2) return 'unexpected: the fixture has fewer than two versions'
  const current = (await latest(payload, collection, id))?.[field]
  const versionId = argumentType(schema, mutation, 'id').startsWith('String') ? String(first.id) : first.id
  const answer = await send(`mutation Probe($id: ${argumentType(schema, mutation, 'id')}) { ${mutation}(id: $id) { id } }`, { id: versionId }, actor)
  const after = (await latest(payload, collection, id))?.[field]
  if (returnedId(answer, mutation) !== null) return after === first.version[field] ? 'allowed' : `unexpected: the restore answered but ${field} is ${JSON.stringify(after)}`
  if (after !== current) return `unexpected: ${describe(answer)}, yet ${field} became ${JSON.stringify(after)}`
  return isForbidden(answer) ? 'denied' : `unexpected: ${describe(answer)}`
}

/** `unlockX(email, username)` of a user locked out by wrong passwords. */
export async function probeGraphqlUnlock(
  context: GraphqlProbeContext,
  mutation: string,
  target: { id: number; email: string; username: string },
  actor: ActorName,
): Promise<Outcome> {
  const { schema, send, payload } = context
  await payload.db.updateOne({ collection: 'users', id: target.id, data: { loginAttempts: 5, lockUntil: new Date(Date.now() + 600_000).toISOString() } })
  const locked = async () => {
    const user = await payload.db.findOne<{ id: number; lockUntil?: string | Date | null }>({ collection: 'users', where: { id: { equals: target.id } } })
    return user?.lockUntil != null && new Date(user.lockUntil).getTime() > Date.now()
  }
  // Users sign in with their email (issue 18), so the account is named by it.
  const answer = await send(`mutation Probe($email: ${argumentType(schema, mutation, 'email')}) { ${mutation}(email: $email) }`, { email: target.email }, actor)
  const stillLocked = await locked()
  if (answer.data?.[mutation] === true) return stillLocked ? 'unexpected: unlock answered true, but the user is still locked' : 'allowed'
  if (!stillLocked) return `unexpected: ${describe(answer)}, yet the user was unlocked`
  return isForbidden(answer) ? 'denied' : `unexpected: ${describe(answer)}`
}

/** `updateX(data)` of a global as `actor`. */
export async function probeGraphqlUpdateGlobal(
  context: GraphqlProbeContext,
  slug: string,
  mutation: string,
  patch: { field: string; value: unknown },
  actor: ActorName,
): Promise<Outcome> {
  const { schema, send, payload } = context
  const api = looseLocalApi(payload)
  const stored = async () => JSON.stringify((await api.findGlobal({ slug, overrideAccess: true }))[patch.field] ?? null)
  const before = await stored()
  const answer = await send(
    `mutation Probe($data: ${argumentType(schema, mutation, 'data')}) { ${mutation}(data: $data) { __typename } }`,
    { data: toGraphqlInput(dataInputType(schema, mutation), { [patch.field]: patch.value }) },
    actor,
  )
  const after = await stored()
  if (answer.data?.[mutation]) {
    await api.updateGlobal({ slug, data: { [patch.field]: JSON.parse(before) as unknown }, overrideAccess: true })
    return after === JSON.stringify(patch.value) ? 'allowed' : `unexpected: the update answered but ${patch.field} is ${after}`
  }
  if (after !== before) return `unexpected: ${describe(answer)}, yet ${patch.field} became ${after}`
  return isForbidden(answer) ? 'denied' : `unexpected: ${describe(answer)}`
}
