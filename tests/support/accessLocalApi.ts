import type { CollectionSlug, File, Payload, Where } from 'payload'

import type { User } from '../../collections/generated/payload-types'

/** Any stored document: what the tests read back when the collection is chosen at run time. */
export type AnyDoc = { id: number } & Record<string, unknown>

/** Who acts: a user document, or null for an anonymous visitor. */
export type Actor = User | null

/**
 * Payload's Local API for a collection chosen at run time (the access tests walk the config).
 * The generated types key every argument on a literal slug, which a loop cannot give, so the
 * arguments are checked here once, loosely, instead of at every call site.
 */
export type LooseLocalApi = {
  create(args: {
    collection: string
    data: Record<string, unknown>
    draft?: boolean
    file?: File
    overrideAccess: boolean
    user?: Actor
  }): Promise<AnyDoc>
  find(args: {
    collection: string
    where?: Where
    draft?: boolean
    overrideAccess: boolean
    user?: Actor
    limit?: number
    pagination?: boolean
  }): Promise<{ docs: AnyDoc[]; totalDocs: number }>
  findByID(args: { collection: string; id: number; overrideAccess: boolean; disableErrors?: boolean; draft?: boolean }): Promise<AnyDoc | null>
  findVersions(args: {
    collection: string
    where?: Where
    sort?: string
    overrideAccess: boolean
    user?: Actor
  }): Promise<{ docs: ({ id: number; version: Record<string, unknown> } & Record<string, unknown>)[]; totalDocs: number }>
  update(args: { collection: string; id: number; data: Record<string, unknown>; draft?: boolean; overrideAccess: boolean; user?: Actor }): Promise<AnyDoc>
  duplicate(args: { collection: string; id: number; data?: Record<string, unknown>; overrideAccess: boolean; user?: Actor }): Promise<AnyDoc>
  restoreVersion(args: { collection: string; id: number; overrideAccess: boolean; user?: Actor }): Promise<AnyDoc>
  findGlobal(args: { slug: string; overrideAccess: boolean; user?: Actor }): Promise<Record<string, unknown>>
  updateGlobal(args: { slug: string; data: Record<string, unknown>; overrideAccess: boolean; user?: Actor }): Promise<Record<string, unknown>>
  delete(args: { collection: string; id: number; overrideAccess: boolean; user?: Actor }): Promise<AnyDoc>
  count(args: { collection: string; where?: Where; overrideAccess: boolean }): Promise<{ totalDocs: number }>
}

export function looseLocalApi(payload: Payload): LooseLocalApi {
  const withDepth = <T extends object>(args: T) => ({ depth: 0, ...args })
  type Args<K extends keyof Payload> = Payload[K] extends (args: infer A) => unknown ? A : never
  return {
    create: async (args) => (await payload.create(withDepth(args) as unknown as Args<'create'>)) as unknown as AnyDoc,
    find: async (args) => (await payload.find(withDepth(args) as unknown as Args<'find'>)) as unknown as { docs: AnyDoc[]; totalDocs: number },
    findByID: async (args) => (await payload.findByID(withDepth(args) as unknown as Args<'findByID'>)) as unknown as AnyDoc | null,
    findVersions: async (args) =>
      (await payload.findVersions(withDepth(args) as unknown as Args<'findVersions'>)) as unknown as Awaited<ReturnType<LooseLocalApi['findVersions']>>,
    update: async (args) => (await payload.update(withDepth(args) as unknown as Args<'update'>)) as unknown as AnyDoc,
    delete: async (args) => (await payload.delete(withDepth(args) as unknown as Args<'delete'>)) as unknown as AnyDoc,
    duplicate: async (args) => (await payload.duplicate(withDepth(args) as unknown as Args<'duplicate'>)) as unknown as AnyDoc,
    restoreVersion: async (args) => (await payload.restoreVersion(withDepth(args) as unknown as Args<'restoreVersion'>)) as unknown as AnyDoc,
    findGlobal: async (args) => (await payload.findGlobal(withDepth(args) as unknown as Args<'findGlobal'>)) as unknown as Record<string, unknown>,
    updateGlobal: async (args) => (await payload.updateGlobal(withDepth(args) as unknown as Args<'updateGlobal'>)) as unknown as Record<string, unknown>,
    count: async (args) => await payload.count(args as unknown as Args<'count'>),
  }
}

/** The project's own collections (every collection of the config but Payload's `payload-*` ones). */
export function projectCollectionSlugs(payload: Payload): CollectionSlug[] {
  return payload.config.collections.map((collection) => collection.slug).filter((slug) => !slug.startsWith('payload-'))
}
