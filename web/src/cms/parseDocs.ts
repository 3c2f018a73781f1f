/**
 * Run-time checks for CMS response bodies. The renderer and the CMS are deployed
 * separately, so a body is untrusted input: checking it here turns contract drift into
 * one clear CmsResponseError instead of "undefined" showing up on a page.
 *
 * Each parser throws a TypeError naming the offending field; the client wraps it.
 */
import {
  asObject,
  optionalBoolean,
  optionalNumber,
  optionalRelationId,
  optionalRichText,
  optionalString,
  requireNumber,
  requireString,
} from './parse/fieldReaders';
import type { PaginatedDocs, ReleaseDoc, ReleaseFileDoc } from './types';

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
  const fields = asObject(body, 'response body');
  const docs = fields['docs'];
  if (!Array.isArray(docs)) throw new TypeError('response body: "docs" is not an array');
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
  return {
    docs: readable,
    totalDocs: requireNumber(fields, 'totalDocs', 'response body'),
    limit: requireNumber(fields, 'limit', 'response body'),
    page: requireNumber(fields, 'page', 'response body'),
  };
}

export function parseReleaseDoc(value: unknown, where: string): ReleaseDoc {
  const fields = asObject(value, where);
  return {
    id: requireNumber(fields, 'id', where),
    name: requireString(fields, 'name', where),
    slug: requireString(fields, 'slug', where),
    version: requireNumber(fields, 'version', where),
    isLatest: optionalBoolean(fields, 'isLatest', where),
    isPublished: optionalBoolean(fields, 'isPublished', where),
    preRelease: optionalBoolean(fields, 'preRelease', where),
    showOnDownloadPage: optionalBoolean(fields, 'showOnDownloadPage', where),
    releaseDate: optionalString(fields, 'releaseDate', where),
    releaseNotesUrl: optionalString(fields, 'releaseNotesUrl', where),
    releasePageId: optionalRelationId(fields, 'releasePage', where),
    content: optionalRichText(fields, 'content', where),
    contentHtml: optionalString(fields, 'contentHtml', where) ?? '',
  };
}

export function parseReleaseFileDoc(value: unknown, where: string): ReleaseFileDoc {
  const fields = asObject(value, where);
  const releaseId = optionalRelationId(fields, 'release', where);
  const osId = optionalRelationId(fields, 'os', where);
  if (releaseId === null || osId === null) throw new TypeError(`${where}: "release" and "os" are required`);
  return {
    id: requireNumber(fields, 'id', where),
    name: requireString(fields, 'name', where),
    slug: optionalString(fields, 'slug', where),
    description: optionalString(fields, 'description', where),
    releaseId,
    osId,
    isSource: optionalBoolean(fields, 'isSource', where),
    url: requireString(fields, 'url', where),
    gpgSignatureFile: optionalString(fields, 'gpgSignatureFile', where),
    sigstoreSignatureFile: optionalString(fields, 'sigstoreSignatureFile', where),
    sigstoreCertFile: optionalString(fields, 'sigstoreCertFile', where),
    sigstoreBundleFile: optionalString(fields, 'sigstoreBundleFile', where),
    sbomSpdx2File: optionalString(fields, 'sbomSpdx2File', where),
    md5Sum: optionalString(fields, 'md5Sum', where),
    sha256Sum: optionalString(fields, 'sha256Sum', where),
    fileSize: optionalNumber(fields, 'fileSize', where),
    downloadButton: optionalBoolean(fields, 'downloadButton', where),
  };
}
