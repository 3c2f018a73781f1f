/**
 * Run-time checks for CMS response bodies. The renderer and the CMS are deployed
 * separately, so a body is untrusted input: checking it here turns contract drift into
 * one clear CmsResponseError instead of "undefined" showing up on a page.
 *
 * Each parser throws a TypeError naming the offending field; the client wraps it.
 */
import { z } from 'zod';

import type { Release, ReleaseFile } from '../../../collections/generated/payload-types';
import { describeIssue, docParser } from './parse/docParser';
import { fieldsOf, finiteNumber, optionalBoolean, optionalNumber, optionalString, relationId, requiredRelationId, requiredString, stringOr } from './parse/schemaFields';
import type { PaginatedDocs, ReleaseDoc, ReleaseFileDoc } from './types';

const envelope = z.object(
  {
    docs: z.array(z.unknown(), { error: 'is not an array' }),
    totalDocs: finiteNumber,
    limit: finiteNumber,
    page: finiteNumber,
  },
  { error: 'expected an object' },
);

/**
 * A list body. One unreadable document (a stored value the renderer's checks refuse) is left out
 * of the list and reported through `onUnreadable`, so that one bad row cannot take a whole page
 * down; when every document of a non-empty list is unreadable, the contract itself has drifted
 * and the first error is thrown, as for a single document.
 */
export function parsePaginatedDocs<TDoc>(
  body: unknown,
  parseDoc: (value: unknown, where: string) => TDoc,
  onUnreadable: (error: TypeError) => void = () => undefined,
): PaginatedDocs<TDoc> {
  const parsed = envelope.safeParse(body);
  if (!parsed.success) throw new TypeError(describeIssue(parsed.error.issues[0], 'response body'));
  const { docs, totalDocs, limit, page } = parsed.data;
  const readable: TDoc[] = [];
  const unreadable: TypeError[] = [];
  docs.forEach((doc: unknown, index) => {
    try {
      readable.push(parseDoc(doc, `docs[${index}]`));
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      unreadable.push(error);
    }
  });
  const firstUnreadable = unreadable[0];
  if (firstUnreadable !== undefined && readable.length === 0) throw firstUnreadable;
  // Each message names its document (`docs[3]: ...`).
  for (const error of unreadable) onUnreadable(error);
  return { docs: readable, totalDocs, limit, page };
}

export const releaseDocSchema = fieldsOf<Release>()({
  id: finiteNumber,
  name: requiredString,
  slug: requiredString,
  version: finiteNumber,
  isLatest: optionalBoolean,
  isPublished: optionalBoolean,
  preRelease: optionalBoolean,
  showOnDownloadPage: optionalBoolean,
  releaseDate: optionalString,
  releaseNotesUrl: optionalString,
  releasePage: relationId,
  contentHtml: stringOr(''),
}).transform(({ releasePage, ...doc }) => ({ ...doc, releasePageId: releasePage })) satisfies z.ZodType<ReleaseDoc>;

export const parseReleaseDoc = docParser(releaseDocSchema);

export const releaseFileDocSchema = fieldsOf<ReleaseFile>()({
  id: finiteNumber,
  name: requiredString,
  slug: optionalString,
  description: optionalString,
  release: requiredRelationId,
  os: requiredRelationId,
  isSource: optionalBoolean,
  url: requiredString,
  gpgSignatureFile: optionalString,
  sigstoreSignatureFile: optionalString,
  sigstoreCertFile: optionalString,
  sigstoreBundleFile: optionalString,
  sbomSpdx2File: optionalString,
  md5Sum: optionalString,
  sha256Sum: optionalString,
  fileSize: optionalNumber,
  downloadButton: optionalBoolean,
}).transform(({ release, os, ...doc }) => ({ ...doc, releaseId: release, osId: os })) satisfies z.ZodType<ReleaseFileDoc>;

export const parseReleaseFileDoc = docParser(releaseFileDocSchema);
