/**
 * A fingerprint of what a collection holds, read as the admin over REST: how many documents,
 * drafts included, and the latest `updatedAt`. Equal fingerprints before and after a batch of
 * refused requests show that none of them wrote anything.
 */
export type CollectionState = { totalDocs: number; latestUpdate: string | null }

export async function collectionState(cmsUrl: string, token: string, slug: string): Promise<CollectionState> {
  const response = await fetch(`${cmsUrl}/api/${slug}?limit=1&sort=-updatedAt&depth=0&draft=true&select[updatedAt]=true`, {
    headers: { authorization: `JWT ${token}` },
  })
  if (!response.ok) throw new Error(`GET /api/${slug} answered ${response.status}`)
  const body = (await response.json()) as { totalDocs: number; docs: { updatedAt?: string }[] }
  return { totalDocs: body.totalDocs, latestUpdate: body.docs[0]?.updatedAt ?? null }
}

export async function statesOf(cmsUrl: string, token: string, slugs: readonly string[]): Promise<Record<string, CollectionState>> {
  const entries = await Promise.all(slugs.map(async (slug) => [slug, await collectionState(cmsUrl, token, slug)] as const))
  return Object.fromEntries(entries)
}
