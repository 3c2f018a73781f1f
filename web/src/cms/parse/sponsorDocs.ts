/** Parsers for the sponsorship data the site shows. */
import { z } from 'zod';

import type { SponsorshipPackage } from '../../../../collections/generated/payload-types';
import type { LogoPlacementDoc, SponsorshipPackageDoc } from '../types';
import { docParser } from './docParser';
import { fieldsOf, finiteNumber, httpUrl, numberOr, optionalString, requiredString, stringOr } from './schemaFields';

// The logo placement endpoint's own answer (python.org's field names), not a collection's.
const logoPlacementDocSchema = z
  .object(
    {
      publisher: requiredString,
      flight: requiredString,
      sponsor: requiredString,
      sponsor_slug: requiredString,
      level_name: requiredString,
      level_order: finiteNumber,
      description: stringOr(''),
      logo: httpUrl,
      // Linked only when it is an http(s) URL: a javascript: link from the CMS is dropped, not followed.
      sponsor_url: optionalString.transform((url) => (url !== null && /^https?:\/\//i.test(url) ? url : null)),
    },
    { error: 'expected an object' },
  )
  .transform(({ sponsor_slug, level_name, level_order, sponsor_url, ...doc }) => ({
    ...doc,
    sponsorSlug: sponsor_slug,
    levelName: level_name,
    levelOrder: level_order,
    sponsorUrl: sponsor_url,
  })) satisfies z.ZodType<LogoPlacementDoc>;

export const parseLogoPlacementDoc = docParser(logoPlacementDocSchema);

/** The API answers a bare array, as python.org's. */
export const parseLogoPlacements = docParser(z.array(logoPlacementDocSchema, { error: 'expected an array' }));

export const parseSponsorshipPackageDoc = docParser(
  fieldsOf<SponsorshipPackage>()({
    name: requiredString,
    slug: requiredString,
    year: finiteNumber,
    logoDimension: numberOr(175),
  }) satisfies z.ZodType<SponsorshipPackageDoc>,
);
