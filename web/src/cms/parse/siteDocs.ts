/** Parsers for the site-wide collections: operating systems, cycles, boxes, menus, pages. */
import { z } from 'zod';

import type { Banner, Box, CodeSample, NavigationItem, OperatingSystem, Page, Redirect, ReleaseCycle } from '../../../../collections/generated/payload-types';
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
import { docParser } from './docParser';
import { fieldsOf, finiteNumber, flag, numberOr, optionalBoolean, optionalNumber, optionalString, relationId, requiredString, stringOr } from './schemaFields';

export const parseOperatingSystemDoc = docParser(
  fieldsOf<OperatingSystem>()({
    id: finiteNumber,
    name: requiredString,
    slug: requiredString,
  }) satisfies z.ZodType<OperatingSystemDoc>,
);

export const parseReleaseCycleDoc = docParser(
  fieldsOf<ReleaseCycle>()({
    cycle: requiredString,
    status: requiredString,
    firstRelease: requiredString,
    endOfLife: requiredString,
    latestRelease: relationId,
    pep: optionalNumber,
  }).transform(({ latestRelease, ...doc }) => ({ ...doc, latestReleaseId: latestRelease })) satisfies z.ZodType<ReleaseCycleDoc>,
);

export const parseBoxDoc = docParser(
  fieldsOf<Box>()({
    label: requiredString,
    markupType: stringOr('html'),
    content: stringOr(''),
    contentHtml: stringOr(''),
  }) satisfies z.ZodType<BoxDoc>,
);

export const parseNavigationItemDoc = docParser(
  fieldsOf<NavigationItem>()({
    id: finiteNumber,
    title: requiredString,
    url: requiredString,
    hint: optionalString,
    parent: relationId,
    order: numberOr(0),
    alias: optionalString,
    hidden: optionalBoolean,
    // Unset means the default of the collection: shown.
    inMenu: flag(true),
    inBreadcrumbs: flag(true),
  }).transform(({ parent, ...doc }) => ({ ...doc, parentId: parent })) satisfies z.ZodType<NavigationItemDoc>,
);

export const parseCodeSampleDoc = docParser(
  fieldsOf<CodeSample>()({
    title: requiredString,
    code: stringOr(''),
    copy: stringOr(''),
    copyHtml: stringOr(''),
  }) satisfies z.ZodType<CodeSampleDoc>,
);

export const parseBannerDoc = docParser(
  fieldsOf<Banner>()({
    title: requiredString,
    message: stringOr(''),
    link: optionalString,
    psfPagesOnly: optionalBoolean,
    startsAt: optionalString,
    endsAt: optionalString,
  }) satisfies z.ZodType<BannerDoc>,
);

export const parseRedirectDoc = docParser(
  fieldsOf<Redirect>()({
    from: requiredString,
    to: stringOr(''),
    permanent: optionalBoolean,
    // Records written before match kinds existed are exact redirects.
    match: z
      .enum(['exact', 'prefix', 'pattern'], { error: 'is not a redirect match kind' })
      .nullish()
      .transform((kind) => kind ?? 'exact'),
    keepRest: optionalBoolean,
  }) satisfies z.ZodType<RedirectDoc>,
);

export const parsePageDoc = docParser(
  fieldsOf<Page>()({
    id: finiteNumber,
    title: requiredString,
    path: requiredString,
    contentHtml: stringOr(''),
    description: optionalString,
    keywords: optionalString,
    updatedAt: optionalString,
    _status: stringOr('published'),
  }).transform(({ _status, ...doc }) => ({ ...doc, status: _status })) satisfies z.ZodType<PageDoc>,
);
