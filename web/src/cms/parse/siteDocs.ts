/** Parsers for the site-wide collections: operating systems, cycles, boxes, menus, pages. */
import type {
  BannerDoc,
  BoxDoc,
  CodeSampleDoc,
  NavigationItemDoc,
  OperatingSystemDoc,
  PageDoc,
  RedirectDoc,
  ReleaseCycleDoc,
} from '../types';
import {
  asObject,
  optionalBoolean,
  optionalNumber,
  optionalRelationId,
  optionalRichText,
  optionalString,
  requireNumber,
  requireString,
} from './fieldReaders';

export function parseOperatingSystemDoc(value: unknown, where: string): OperatingSystemDoc {
  const fields = asObject(value, where);
  return {
    id: requireNumber(fields, 'id', where),
    name: requireString(fields, 'name', where),
    slug: requireString(fields, 'slug', where),
  };
}

export function parseReleaseCycleDoc(value: unknown, where: string): ReleaseCycleDoc {
  const fields = asObject(value, where);
  return {
    cycle: requireString(fields, 'cycle', where),
    status: requireString(fields, 'status', where),
    firstRelease: requireString(fields, 'firstRelease', where),
    endOfLife: requireString(fields, 'endOfLife', where),
    latestReleaseId: optionalRelationId(fields, 'latestRelease', where),
    pep: optionalNumber(fields, 'pep', where),
  };
}

export function parseBoxDoc(value: unknown, where: string): BoxDoc {
  const fields = asObject(value, where);
  return {
    label: requireString(fields, 'label', where),
    markupType: optionalString(fields, 'markupType', where) ?? 'html',
    content: optionalString(fields, 'content', where) ?? '',
    contentHtml: optionalString(fields, 'contentHtml', where) ?? '',
  };
}

export function parseNavigationItemDoc(value: unknown, where: string): NavigationItemDoc {
  const fields = asObject(value, where);
  return {
    id: requireNumber(fields, 'id', where),
    title: requireString(fields, 'title', where),
    url: requireString(fields, 'url', where),
    hint: optionalString(fields, 'hint', where),
    parentId: optionalRelationId(fields, 'parent', where),
    order: optionalNumber(fields, 'order', where) ?? 0,
    alias: optionalString(fields, 'alias', where),
    hidden: optionalBoolean(fields, 'hidden', where),
    // Unset means the default of the collection: shown.
    inMenu: fields['inMenu'] === undefined || fields['inMenu'] === null ? true : optionalBoolean(fields, 'inMenu', where),
    inBreadcrumbs:
      fields['inBreadcrumbs'] === undefined || fields['inBreadcrumbs'] === null
        ? true
        : optionalBoolean(fields, 'inBreadcrumbs', where),
  };
}

export function parseCodeSampleDoc(value: unknown, where: string): CodeSampleDoc {
  const fields = asObject(value, where);
  return {
    title: requireString(fields, 'title', where),
    code: optionalString(fields, 'code', where) ?? '',
    copy: optionalString(fields, 'copy', where) ?? '',
    copyHtml: optionalString(fields, 'copyHtml', where) ?? '',
  };
}

export function parseBannerDoc(value: unknown, where: string): BannerDoc {
  const fields = asObject(value, where);
  return {
    title: requireString(fields, 'title', where),
    message: optionalString(fields, 'message', where) ?? '',
    link: optionalString(fields, 'link', where),
    psfPagesOnly: optionalBoolean(fields, 'psfPagesOnly', where),
    startsAt: optionalString(fields, 'startsAt', where),
    endsAt: optionalString(fields, 'endsAt', where),
  };
}

export function parseRedirectDoc(value: unknown, where: string): RedirectDoc {
  const fields = asObject(value, where);
  return {
    from: requireString(fields, 'from', where),
    to: optionalString(fields, 'to', where) ?? '',
    permanent: optionalBoolean(fields, 'permanent', where),
    match: parseMatchKind(fields.match, where),
    keepRest: optionalBoolean(fields, 'keepRest', where),
  };
}

function parseMatchKind(value: unknown, where: string): RedirectDoc['match'] {
  // Records written before match kinds existed are exact redirects.
  if (value === undefined || value === null) return 'exact';
  if (value === 'exact' || value === 'prefix' || value === 'pattern') return value;
  throw new TypeError(`${where}: "match" is not a redirect match kind`);
}

export function parsePageDoc(value: unknown, where: string): PageDoc {
  const fields = asObject(value, where);
  return {
    id: requireNumber(fields, 'id', where),
    title: requireString(fields, 'title', where),
    path: requireString(fields, 'path', where),
    content: optionalRichText(fields, 'content', where),
    contentHtml: optionalString(fields, 'contentHtml', where) ?? '',
    description: optionalString(fields, 'description', where),
    keywords: optionalString(fields, 'keywords', where),
    updatedAt: optionalString(fields, 'updatedAt', where),
    status: optionalString(fields, '_status', where) ?? 'published',
  };
}
