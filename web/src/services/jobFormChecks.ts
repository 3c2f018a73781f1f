/**
 * The job posting form's fields from a posted body, and the checks the renderer makes before
 * asking the CMS (which checks them all again: anyone can reach its REST routes). Every text is
 * bounded as the jobs collection bounds it, so an oversized post is a 400 here, not a round trip.
 */
import { jobFormLimits, requiredJobFields, type JobFormInput, type JobTextField } from './jobPostingService';

/** At most this many types may be ticked (the collection's maxRows). */
const maxTypes = 20;

function stringField(body: Readonly<Record<string, unknown>>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

/** The form from an urlencoded body: repeated `types` come as a list; anything else unexpected is empty. */
export function jobFormInputOf(body: unknown): JobFormInput {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const rawTypes = fields['types'];
  const types = (Array.isArray(rawTypes) ? rawTypes : [rawTypes]).filter((value): value is string => typeof value === 'string').slice(0, maxTypes + 1);
  return {
    title: stringField(fields, 'title'),
    companyName: stringField(fields, 'companyName'),
    category: stringField(fields, 'category'),
    types,
    otherJobType: stringField(fields, 'otherJobType'),
    city: stringField(fields, 'city'),
    region: stringField(fields, 'region'),
    country: stringField(fields, 'country'),
    description: stringField(fields, 'description'),
    requirements: stringField(fields, 'requirements'),
    companyDescription: stringField(fields, 'companyDescription'),
    contactName: stringField(fields, 'contactName'),
    email: stringField(fields, 'email'),
    url: stringField(fields, 'url'),
    remote: fields['remote'] === 'on',
    agencies: fields['agencies'] === 'on',
  };
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
