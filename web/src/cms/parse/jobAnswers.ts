/**
 * The CMS's answers to a visitor's job board calls (collections/Jobs: Payload's create and list
 * under the collection's access, and the review queue endpoint; a create's id is createdDocId.ts), read leniently as the other
 * endpoint answers are (lenientFields.ts): a job the site cannot show is left out of a list, an
 * odd count reads as what the list holds.
 */
import { z } from 'zod';

import type { JobDoc } from '../types';
import { jobDocSchema } from './jobDocs';
import { listOf, numberOrNull, text, textOrNull } from './lenientFields';

const ownJobsPage = z.object({ docs: listOf(jobDocSchema), totalDocs: numberOrNull }).catch({ docs: [], totalDocs: null });

/** A page of the account's own jobs: those the site can show, and how many there are in all. */
export function parseOwnJobsPage(body: unknown): { docs: JobDoc[]; total: number } {
  const page = ownJobsPage.parse(body);
  return { docs: page.docs, total: page.totalDocs ?? 0 };
}

const reviewComment = z.object({ comment: z.string(), createdAt: text, by: textOrNull });

const reviewQueue = z
  .object({
    moderator: text,
    queue: listOf(z.object({ job: jobDocSchema, comments: listOf(reviewComment) })),
    total: numberOrNull,
  })
  .catch({ moderator: '', queue: [], total: null });

/** The moderators' queue: the staff user the account moderates as, the jobs in review with their comments. */
export function parseReviewQueue(body: unknown): { moderator: string; entries: { job: JobDoc; comments: z.infer<typeof reviewComment>[] }[]; total: number } {
  const answer = reviewQueue.parse(body);
  return { moderator: answer.moderator, entries: answer.queue, total: answer.total ?? answer.queue.length };
}
