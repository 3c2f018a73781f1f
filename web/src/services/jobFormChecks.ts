/**
 * The job posting form's fields from a posted body, and the checks the renderer makes before
 * asking the CMS (which checks them all again: anyone can reach its REST routes). Every text is
 * bounded as the jobs collection bounds it, so an oversized post is a 400 here, not a round trip.
 */
import { z } from 'zod';
import { formCheckbox, formText, postedForm } from '../forms/postedForm';
import { jobFormLimits, requiredJobFields, type JobFormInput, type JobTextField } from './jobPostingService';

/** At most this many types may be ticked (the collection's maxRows). */
const maxTypes = 20;

// Repeated `types` come as a list; a single one as a text.
const jobTypes = z.unknown().optional().transform((raw) =>
  (Array.isArray(raw) ? raw : [raw]).filter((value): value is string => typeof value === 'string').slice(0, maxTypes + 1),
);

const jobForm = postedForm({
  title: formText,
  companyName: formText,
  category: formText,
  types: jobTypes,
  otherJobType: formText,
  city: formText,
  region: formText,
  country: formText,
  description: formText,
  requirements: formText,
  companyDescription: formText,
  contactName: formText,
  email: formText,
  url: formText,
  remote: formCheckbox,
  agencies: formCheckbox,
}) satisfies z.ZodType<JobFormInput>;

/** The form from an urlencoded body: repeated `types` come as a list; anything else unexpected is empty. */
export function jobFormInputOf(body: unknown): JobFormInput {
  return jobForm.parse(body);
}

/** Field -> message for what the renderer can tell without the CMS; empty when it may be sent. */
export function jobFormProblems(input: JobFormInput): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const name of requiredJobFields) if (input[name].trim() === '') problems[name] = 'This field is required.';
  for (const [name, limit] of Object.entries(jobFormLimits) as [JobTextField, number][]) {
    if (input[name].length > limit) problems[name] = `Use at most ${limit} characters (it has ${input[name].length}).`;
  }
  if (input.category !== '' && !/^[1-9]\d{0,9}$/.test(input.category)) problems['category'] = 'Choose a category from the list.';
  if (input.types.length > maxTypes || input.types.some((id) => !/^[1-9]\d{0,9}$/.test(id))) problems['types'] = 'Choose types from the list.';
  if (input.url.trim() !== '' && !/^https?:\/\/[^\s]+$/i.test(input.url.trim())) problems['url'] = 'Enter the http(s) address of the job or the company.';
  return problems;
}

/** A stored job back into the form, for editing. */
export function jobFormInputFromDoc(doc: {
  readonly title: string;
  readonly companyName: string;
  readonly categoryId: number | null;
  readonly typeIds: readonly number[];
  readonly otherJobType: string | null;
  readonly city: string;
  readonly region: string | null;
  readonly country: string;
  readonly description: string;
  readonly requirements: string;
  readonly companyDescription: string | null;
  readonly contactName: string | null;
  readonly email: string;
  readonly url: string;
  readonly remote: boolean;
  readonly agencies: boolean;
}): JobFormInput {
  return {
    title: doc.title,
    companyName: doc.companyName,
    category: doc.categoryId === null ? '' : String(doc.categoryId),
    types: doc.typeIds.map(String),
    otherJobType: doc.otherJobType ?? '',
    city: doc.city,
    region: doc.region ?? '',
    country: doc.country,
    description: doc.description,
    requirements: doc.requirements,
    companyDescription: doc.companyDescription ?? '',
    contactName: doc.contactName ?? '',
    email: doc.email,
    url: doc.url,
    remote: doc.remote,
    agencies: doc.agencies,
  };
}
