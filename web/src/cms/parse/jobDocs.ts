/** Parsers for the job board's documents. */
import { z } from 'zod';

import type { Job, JobCategory, JobType } from '../../../../collections/generated/payload-types';
import type { JobDoc, JobTaxonDoc } from '../types';
import { docParser } from './docParser';
import { fieldsOf, finiteNumber, httpUrl, optionalBoolean, optionalString, relationId, requiredString, stringOr } from './schemaFields';

export const parseJobTaxonDoc = docParser(
  fieldsOf<JobCategory | JobType>()({
    id: finiteNumber,
    name: requiredString,
    slug: requiredString,
    active: optionalBoolean,
  }) satisfies z.ZodType<JobTaxonDoc>,
);

// Ids at depth 0, documents at depth 1; anything else in the list is left out.
const relationIds = z
  .array(z.unknown(), { error: 'is not an array' })
  .nullish()
  .transform((items) =>
    (items ?? [])
      .map((item) => (typeof item === 'object' && item !== null && 'id' in item ? item.id : item))
      .filter((id): id is number => typeof id === 'number'),
  );

/** A job as the CMS answers it (ids at depth 0), as the site shows it. */
export const jobDocSchema = fieldsOf<Job>()({
  id: finiteNumber,
  title: requiredString,
  companyName: requiredString,
  companyDescription: optionalString,
  companyDescriptionHtml: stringOr(''),
  category: relationId,
  types: relationIds,
  otherJobType: optionalString,
  city: requiredString,
  region: optionalString,
  country: requiredString,
  locationSlug: optionalString,
  remote: optionalBoolean,
  agencies: optionalBoolean,
  description: requiredString,
  requirements: requiredString,
  requirementsHtml: stringOr(''),
  descriptionHtml: stringOr(''),
  contactName: optionalString,
  email: requiredString,
  url: httpUrl,
  createdAt: requiredString,
  approvedAt: optionalString,
  status: optionalString,
  // The account that posted it, when the CMS says (account ids are plain numbers).
  submittedBy: z.unknown().optional().transform((id) => (typeof id === 'number' ? id : null)),
}).transform(({ category, types, status, ...doc }) => ({
  ...doc,
  categoryId: category,
  typeIds: types,
  ...(status === null ? {} : { status }),
})) satisfies z.ZodType<JobDoc>;

export const parseJobDoc = docParser(jobDocSchema);
