/** Parsers for the sponsorship data the site shows. */
import type { LogoPlacementDoc, SponsorshipPackageDoc } from '../types';
import { asObject, optionalNumber, optionalString, requireHttpUrl, requireNumber, requireString } from './fieldReaders';

export function parseLogoPlacementDoc(value: unknown, where: string): LogoPlacementDoc {
  const fields = asObject(value, where);
  const sponsorUrl = optionalString(fields, 'sponsor_url', where);
  return {
    publisher: requireString(fields, 'publisher', where),
    flight: requireString(fields, 'flight', where),
    sponsor: requireString(fields, 'sponsor', where),
    sponsorSlug: requireString(fields, 'sponsor_slug', where),
    levelName: requireString(fields, 'level_name', where),
    levelOrder: requireNumber(fields, 'level_order', where),
    description: optionalString(fields, 'description', where) ?? '',
    logo: requireHttpUrl(fields, 'logo', where),
    // Linked only when it is an http(s) URL: a javascript: link from the CMS is dropped, not followed.
    sponsorUrl: sponsorUrl !== null && /^https?:\/\//i.test(sponsorUrl) ? sponsorUrl : null,
  };
}

/** The API answers a bare array, as python.org's. */
export function parseLogoPlacements(value: unknown, where: string): LogoPlacementDoc[] {
  if (!Array.isArray(value)) throw new TypeError(`${where}: expected an array`);
  return value.map((item, index) => parseLogoPlacementDoc(item, `${where}[${index}]`));
}

export function parseSponsorshipPackageDoc(value: unknown, where: string): SponsorshipPackageDoc {
  const fields = asObject(value, where);
  return {
    name: requireString(fields, 'name', where),
    slug: requireString(fields, 'slug', where),
    year: requireNumber(fields, 'year', where),
    logoDimension: optionalNumber(fields, 'logoDimension', where) ?? 175,
  };
}
