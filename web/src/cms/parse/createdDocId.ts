/** The answer to a create through Payload's REST route (`{ doc: { id } }`), read with zod as every other answer. */
import { z } from 'zod';

const created = z.object({ doc: z.object({ id: z.number() }) });

/** The id of the document a create answered with, or null without one. */
export function parseCreatedDocId(body: unknown): number | null {
  return created.safeParse(body).data?.doc.id ?? null;
}
