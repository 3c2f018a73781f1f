/**
 * Run-time checks for CMS response bodies. The renderer and the CMS are deployed
 * separately, so a body is untrusted input: checking it here turns contract drift into
 * one clear CmsResponseError instead of "undefined" showing up on a page.
 *
 * Each parser throws a TypeError naming the offending field; the client wraps it.
 */
import type { PaginatedDocs, ReleaseDoc } from './types';

type Fields = Readonly<Record<string, unknown>>;

export function parsePaginatedDocs<TDoc>(
  body: unknown,
  parseDoc: (value: unknown, where: string) => TDoc,
): PaginatedDocs<TDoc> {
  const fields = asObject(body, 'response body');
  const docs = fields['docs'];
  if (!Array.isArray(docs)) throw new TypeError('response body: "docs" is not an array');
  return {
    docs: docs.map((doc: unknown, index) => parseDoc(doc, `docs[${index}]`)),
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
  };
}

function asObject(value: unknown, where: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${where}: expected an object`);
  }
  return value as Fields;
}

function requireNumber(fields: Fields, key: string, where: string): number {
  const value = fields[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(`${where}: "${key}" is not a number`);
  }
  return value;
}

function requireString(fields: Fields, key: string, where: string): string {
  const value = fields[key];
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`${where}: "${key}" is not a non-empty string`);
  }
  return value;
}

// Payload omits or nulls optional fields nobody has filled in.
function optionalString(fields: Fields, key: string, where: string): string | null {
  const value = fields[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new TypeError(`${where}: "${key}" is not a string`);
  return value;
}

// An unset checkbox reads as false, which is also the safe reading for flags such as
// isPublished.
function optionalBoolean(fields: Fields, key: string, where: string): boolean {
  const value = fields[key];
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw new TypeError(`${where}: "${key}" is not a boolean`);
  return value;
}
