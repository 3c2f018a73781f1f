/**
 * The CMS's sponsorship endpoint answers (collections/Sponsorships/endpoints): the application
 * form, the sponsor's own sponsorships and their assets. These are the endpoints' own views
 * (sponsor and package names, contract file names), not collection documents, so they are plain
 * zod objects rather than `fieldsOf` schemas. Read leniently, as the pages always have: an entry
 * without its id (or an asset of an unknown kind) is left out, any other odd field reads as its
 * safe default.
 */
import { z } from 'zod';

import type { ApplicationForm, SponsorshipAsset, SponsorshipDetail, SponsorshipSummary } from '../../services/sponsorshipService';
import { isTrue, listOf, nonEmptyTextOrNull, numberList, numberOrNull, readOrNull, text, unlessFalse } from './lenientFields';

const applicationFormSchema = z.object({
  window: z.object({ open: isTrue, message: text, year: numberOrNull }).catch({ open: false, message: '', year: null }),
  programs: listOf(z.object({ id: z.number(), name: text, description: text })),
  packages: listOf(z.object({ id: z.number(), name: text, sponsorshipAmount: z.number().catch(0), allowALaCarte: unlessFalse })),
  benefits: listOf(
    z.object({
      id: z.number(),
      name: text,
      description: text,
      programId: numberOrNull,
      packages: numberList,
      packageOnly: isTrue,
      standalone: isTrue,
      unavailable: isTrue,
      soldOut: isTrue,
    }),
  ),
  sponsors: listOf(z.object({ id: z.number(), name: text })),
});

/** The application form's answer; every odd part reads as empty (never null). */
export function parseApplicationForm(body: Readonly<Record<string, unknown>>): ApplicationForm {
  const { window, ...lists } = applicationFormSchema.parse(body);
  return { ...window, ...lists };
}

const summaryShape = {
  id: z.number(),
  status: text,
  year: z.number().catch(0),
  sponsorName: text,
  packageName: text,
  appliedOn: nonEmptyTextOrNull,
};

const summarySchema = z.object(summaryShape) satisfies z.ZodType<SponsorshipSummary>;

const assetSchema = z.object({
  id: z.number(),
  kind: z.enum(['image', 'text', 'link']),
  internalName: text,
  label: text,
  helpText: text,
  benefitName: text,
  dueDate: nonEmptyTextOrNull,
  textValue: text,
  urlValue: text,
  imageFilename: nonEmptyTextOrNull,
  filled: isTrue,
}) satisfies z.ZodType<SponsorshipAsset>;

const detailSchema = z.object({
  ...summaryShape,
  startDate: nonEmptyTextOrNull,
  endDate: nonEmptyTextOrNull,
  sponsorshipFee: numberOrNull,
  benefits: listOf(z.object({ name: text, programName: text, description: text })),
  contract: nonEmptyTextOrNull,
  signedContract: nonEmptyTextOrNull,
  assets: listOf(assetSchema),
}) satisfies z.ZodType<SponsorshipDetail>;

/** The sponsor's own sponsorships; an entry without an id is left out. */
export const parseSponsorshipSummaries = (value: unknown): SponsorshipSummary[] => listOf(summarySchema).parse(value);

/** One of the sponsor's sponsorships, or null without an id. */
export const parseSponsorshipDetail = (value: unknown): SponsorshipDetail | null => readOrNull(detailSchema, value);

/** The id of the sponsorship an application created, or null when the answer holds none. */
export const parseCreatedSponsorshipId = (value: unknown): number | null =>
  readOrNull(z.object({ id: numberOrNull }), value)?.id ?? null;
