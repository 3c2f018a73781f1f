import type { PayloadRequest } from 'payload'

/**
 * Writes a box the site generates from its content (python.org's auto-generated boxes), in the
 * request's transaction, marked generated so only regeneration changes it (generatedBoxAccess).
 * Unchanged content writes nothing.
 */
export async function writeGeneratedBox(req: PayloadRequest, label: string, content: string): Promise<void> {
  const existing = await req.payload.find({ collection: 'boxes', where: { label: { equals: label } }, limit: 1, depth: 0, req, overrideAccess: true })
  const data = { label, content, markupType: 'html' as const, generated: true }
  const current = existing.docs[0]
  if (current === undefined) {
    await req.payload.create({ collection: 'boxes', data, req, overrideAccess: true, depth: 0 })
  } else if (current.content !== content || !current.generated) {
    await req.payload.update({ collection: 'boxes', id: current.id, data, req, overrideAccess: true, depth: 0 })
  }
}
