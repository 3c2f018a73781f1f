import type { PayloadRequest, TypedUser } from 'payload'

import { authenticateLegacy, requireWriter, seesDrafts } from './legacyAuth'
import { jsonFields, readLegacyBody } from './legacyBody'
import { legacyWhere } from './legacyFilters'
import { LegacyHttpError } from './LegacyHttpError'
import { parseLegacyInput } from './legacyInput'
import { listMeta, parseListWindow } from './legacyPagination'
import type { LegacyResource } from './legacyResources'
import { legacyEmpty, legacyJson } from './legacyResponses'
import { serializeLegacy } from './legacySerializers'
import { inTransaction } from './legacyTransaction'
import { resourceUri, v1Uri } from './legacyUris'

type Doc = Record<string, unknown> & { id: number | string }

/** An id from the URL: a positive integer, or the object does not exist. */
export function parseDetailId(raw: string | undefined, resource: LegacyResource): number {
  if (raw === undefined || !/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)) || Number(raw) === 0) {
    throw new LegacyHttpError(404, `No ${resource.label} with id '${raw ?? ''}'.`)
  }
  return Number(raw)
}

/** A request acting as `user` (or as nobody): Payload's access rules then apply to that user. */
function actAs(req: PayloadRequest, user: TypedUser | null): PayloadRequest {
  req.user = user
  return req
}

/** `GET <resource>/`: a tastypie list with `meta` and `objects`. */
export async function listV1(req: PayloadRequest, url: URL, resource: LegacyResource): Promise<Response> {
  const user = await authenticateLegacy(req, url, null)
  const window = parseListWindow(url.searchParams)
  const where = legacyWhere(resource, url.searchParams, { drafts: seesDrafts(user), strict: false })
  const aligned = window.offset % window.limit === 0
  const result = await req.payload.find({
    collection: resource.collection,
    where,
    depth: 0,
    sort: 'id',
    limit: aligned ? window.limit : window.offset + window.limit,
    page: aligned ? window.offset / window.limit + 1 : 1,
    req: actAs(req, user),
    overrideAccess: false,
  })
  const docs = (aligned ? result.docs : result.docs.slice(window.offset)) as unknown as Doc[]
  return legacyJson({
    meta: listMeta(url, window, result.totalDocs),
    objects: docs.map((doc) => serializeLegacy(resource, doc, v1Uri, 'v1')),
  })
}

/** One visible document by id, or a 404 (unpublished ones are invisible to everyone but release managers). */
export async function findVisible(req: PayloadRequest, resource: LegacyResource, id: number, user: TypedUser | null): Promise<Doc> {
  const drafts = seesDrafts(user)
  const result = await req.payload.find({
    collection: resource.collection,
    where: {
      and: [{ id: { equals: id } }, ...(resource.publishedPath && !drafts ? [{ [resource.publishedPath]: { equals: true } }] : [])],
    },
    depth: 0,
    limit: 1,
    pagination: false,
    req: actAs(req, user),
    overrideAccess: false,
  })
  const doc = result.docs[0] as unknown as Doc | undefined
  if (!doc) throw new LegacyHttpError(404, `No ${resource.label} with id '${id}'.`)
  return doc
}

/** `GET <resource>/<id>/`. */
export async function detailV1(req: PayloadRequest, url: URL, resource: LegacyResource, rawId: string | undefined): Promise<Response> {
  const user = await authenticateLegacy(req, url, null)
  const doc = await findVisible(req, resource, parseDetailId(rawId, resource), user)
  return legacyJson(serializeLegacy(resource, doc, v1Uri, 'v1'))
}

/** `POST <resource>/`: 201, no body, `Location` naming the new object; a broken rule is a 400 and writes nothing. */
export async function createV1(req: PayloadRequest, url: URL, resource: LegacyResource): Promise<Response> {
  const body = await readLegacyBody(req)
  const user = requireWriter(await authenticateLegacy(req, url, body.fields), resource)
  const fields = jsonFields(body)
  const created = await inTransaction(actAs(req, user), async () => {
    const data = await parseLegacyInput(resource, fields, req)
    return (await req.payload.create({ collection: resource.collection, data, depth: 0, req, overrideAccess: false })) as unknown as Doc
  })
  return legacyEmpty(201, { Location: resourceUri(v1Uri, resource, created.id) })
}

/** `DELETE <resource>/<id>/`: 204, or 404 for an id the caller cannot see. */
export async function deleteDetailV1(req: PayloadRequest, url: URL, resource: LegacyResource, rawId: string | undefined): Promise<Response> {
  const user = requireWriter(await authenticateLegacy(req, url, null), resource)
  const id = parseDetailId(rawId, resource)
  await inTransaction(actAs(req, user), async () => {
    await findVisible(req, resource, id, user)
    await req.payload.delete({ collection: resource.collection, id, depth: 0, req, overrideAccess: false })
  })
  return legacyEmpty(204)
}

/**
 * `DELETE release_file/?release=<id>`: every file of that release, in one transaction (the
 * release tooling's first step, so reruns start clean). Exactly one `release` parameter, or 400.
 */
export async function deleteFilesOfReleaseV1(req: PayloadRequest, url: URL, resource: LegacyResource): Promise<Response> {
  const user = requireWriter(await authenticateLegacy(req, url, null), resource)
  const releases = url.searchParams.getAll('release')
  if (releases.length !== 1 || !/^\d+$/.test(releases[0]) || !Number.isSafeInteger(Number(releases[0]))) {
    throw new LegacyHttpError(400, "Deleting release files needs exactly one 'release' parameter holding a release id, e.g. ?release=42.")
  }
  await inTransaction(actAs(req, user), async () => {
    const result = await req.payload.delete({
      collection: resource.collection,
      where: { release: { equals: Number(releases[0]) } },
      depth: 0,
      req,
      overrideAccess: false,
    })
    const failure = result.errors[0]
    if (failure) throw new LegacyHttpError(400, `Could not delete release file ${failure.id}: ${failure.message}`)
  })
  return legacyEmpty(204)
}
