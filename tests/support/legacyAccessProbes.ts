import type { Payload } from 'payload'

import type { ActorName } from './accessExpectations'
import { looseLocalApi } from './accessLocalApi'
import type { Outcome } from './accessProbes'
import { call, type HttpAnswer } from './legacyApiClient'

/**
 * Who may do what on python.org's downloads APIs (docs/apis.md, "The legacy downloads API"): release
 * managers (and admins) write releases and files, only admins operating systems; PUT and PATCH
 * are refused (405) and v2 is read-only; unpublished releases are seen by release managers only.
 */
const RELEASE_MANAGERS: readonly ActorName[] = ['release-manager', 'admin']
const ADMIN: readonly ActorName[] = ['admin']
const NOBODY: readonly ActorName[] = []

export const LEGACY_ACCESS_TABLE = {
  'v1 POST release/': RELEASE_MANAGERS,
  'v1 POST release_file/': RELEASE_MANAGERS,
  'v1 POST os/': ADMIN,
  'v1 DELETE release/<id>/': RELEASE_MANAGERS,
  'v1 DELETE release_file/<id>/': RELEASE_MANAGERS,
  'v1 DELETE release_file/?release=<id>': RELEASE_MANAGERS,
  'v1 DELETE os/<id>/': ADMIN,
  'v1 PATCH release/<id>/': NOBODY,
  'v1 PUT release/<id>/': NOBODY,
  'v1 GET unpublished release/<id>/': RELEASE_MANAGERS,
  'v2 GET unpublished release/<id>/': RELEASE_MANAGERS,
  'v2 POST release/': NOBODY,
  'v2 PATCH release/<id>/': NOBODY,
  'v2 DELETE release/<id>/': NOBODY,
} as const satisfies Record<string, readonly ActorName[]>

export type LegacyOperation = keyof typeof LEGACY_ACCESS_TABLE

export type LegacyProbeContext = {
  cmsUrl: string
  payload: Payload
  /** `Authorization` header per actor (`ApiKey <username>:<key>`); none for anonymous. */
  authorization: Partial<Record<ActorName, string>>
  /** A Windows OS and a file URL prefix the release-file rules accept. */
  windowsOsId: number
  created: { collection: string; id: number }[]
  next(): number
}

const REFUSED = [401, 403, 404, 405]

function send(context: LegacyProbeContext, actor: ActorName, method: string, path: string, body?: unknown): Promise<HttpAnswer> {
  const authorization = context.authorization[actor]
  return call(context.cmsUrl, path, {
    method,
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

async function make(context: LegacyProbeContext, collection: string, data: Record<string, unknown>): Promise<number> {
  const doc = await looseLocalApi(context.payload).create({ collection, data, overrideAccess: true })
  context.created.push({ collection, id: doc.id })
  return doc.id
}

async function exists(context: LegacyProbeContext, collection: string, id: number): Promise<boolean> {
  return (await looseLocalApi(context.payload).findByID({ collection, id, overrideAccess: true, disableErrors: true })) !== null
}

async function count(context: LegacyProbeContext, collection: string): Promise<number> {
  return (await looseLocalApi(context.payload).count({ collection, overrideAccess: true })).totalDocs
}

const newRelease = (context: LegacyProbeContext) => make(context, 'releases', { name: `Python 3.92.${context.next()}`, version: 3, isPublished: false })

async function newFile(context: LegacyProbeContext, releaseId: number): Promise<number> {
  const n = context.next()
  return make(context, 'release-files', {
    release: releaseId,
    os: context.windowsOsId,
    name: `Legacy access file ${n}`,
    url: `https://www.python.org/ftp/python/3.92.0/legacy-access-${n}.exe`,
  })
}

/** A write: allowed when it answered 2xx and did what it says; denied when refused and nothing changed. */
function judge(answer: HttpAnswer, accepted: number, changed: boolean): Outcome {
  if (answer.status === accepted) return changed ? 'allowed' : `unexpected: ${answer.status}, but nothing changed`
  if (changed) return `unexpected: ${answer.status} ${answer.text.slice(0, 120)}, yet it changed the data`
  return REFUSED.includes(answer.status) ? 'denied' : `unexpected: ${answer.status} ${answer.text.slice(0, 200)}`
}

function createdId(answer: HttpAnswer): number | null {
  const match = /\/(\d+)\/$/.exec(answer.headers.get('location') ?? '')
  return match ? Number(match[1]) : null
}

export async function probeLegacy(context: LegacyProbeContext, operation: LegacyOperation, actor: ActorName): Promise<Outcome> {
  const V1 = '/api/v1/downloads'
  const V2 = '/api/v2/downloads'
  switch (operation) {
    case 'v1 POST release/':
    case 'v1 POST os/':
    case 'v2 POST release/': {
      const n = context.next()
      const [collection, path, body] =
        operation === 'v1 POST os/'
          ? ['operating-systems', `${V1}/os/`, { name: `Legacy OS ${n}`, slug: `legacy-os-${n}` }]
          : ['releases', operation === 'v2 POST release/' ? `${V2}/release/` : `${V1}/release/`, { name: `Python 3.93.${n}`, version: 3, is_published: false }]
      const before = await count(context, collection)
      const answer = await send(context, actor, 'POST', path, body)
      const id = createdId(answer)
      if (id !== null) context.created.push({ collection, id })
      return judge(answer, 201, (await count(context, collection)) !== before)
    }
    case 'v1 POST release_file/': {
      const releaseId = await newRelease(context)
      const n = context.next()
      const before = await count(context, 'release-files')
      const answer = await send(context, actor, 'POST', `${V1}/release_file/`, {
        name: `Legacy posted file ${n}`,
        os: `${V1}/os/${context.windowsOsId}/`,
        release: `${V1}/release/${releaseId}/`,
        url: `https://www.python.org/ftp/python/3.92.0/legacy-posted-${n}.exe`,
        sha256_sum: 'b'.repeat(64),
        filesize: 1,
      })
      const id = createdId(answer)
      if (id !== null) context.created.push({ collection: 'release-files', id })
      return judge(answer, 201, (await count(context, 'release-files')) !== before)
    }
    case 'v1 DELETE release/<id>/':
    case 'v2 DELETE release/<id>/': {
      const id = await newRelease(context)
      const answer = await send(context, actor, 'DELETE', `${operation.startsWith('v2') ? V2 : V1}/release/${id}/`)
      return judge(answer, 204, !(await exists(context, 'releases', id)))
    }
    case 'v1 DELETE release_file/<id>/': {
      const id = await newFile(context, await newRelease(context))
      const answer = await send(context, actor, 'DELETE', `${V1}/release_file/${id}/`)
      return judge(answer, 204, !(await exists(context, 'release-files', id)))
    }
    case 'v1 DELETE release_file/?release=<id>': {
      const releaseId = await newRelease(context)
      const fileId = await newFile(context, releaseId)
      const answer = await send(context, actor, 'DELETE', `${V1}/release_file/?release=${releaseId}`)
      return judge(answer, 204, !(await exists(context, 'release-files', fileId)))
    }
    case 'v1 DELETE os/<id>/': {
      const n = context.next()
      const id = await make(context, 'operating-systems', { name: `Legacy spare OS ${n}`, slug: `legacy-spare-os-${n}` })
      const answer = await send(context, actor, 'DELETE', `${V1}/os/${id}/`)
      return judge(answer, 204, !(await exists(context, 'operating-systems', id)))
    }
    case 'v1 PATCH release/<id>/':
    case 'v1 PUT release/<id>/':
    case 'v2 PATCH release/<id>/': {
      const id = await newRelease(context)
      const method = operation.includes('PUT') ? 'PUT' : 'PATCH'
      const path = `${operation.startsWith('v2') ? V2 : V1}/release/${id}/`
      const answer = await send(context, actor, method, path, { name: `Python 3.94.${context.next()}` })
      const stored = await looseLocalApi(context.payload).findByID({ collection: 'releases', id, overrideAccess: true })
      return judge(answer, 200, typeof stored?.name === 'string' && stored.name.startsWith('Python 3.94.'))
    }
    case 'v1 GET unpublished release/<id>/':
    case 'v2 GET unpublished release/<id>/': {
      const id = await newRelease(context)
      const answer = await send(context, actor, 'GET', `${operation.startsWith('v2') ? V2 : V1}/release/${id}/`)
      if (answer.status === 200) return (answer.body as { name?: unknown }).name ? 'allowed' : 'unexpected: 200 without the release'
      return REFUSED.includes(answer.status) ? 'denied' : `unexpected: ${answer.status} ${answer.text.slice(0, 200)}`
    }
  }
}
