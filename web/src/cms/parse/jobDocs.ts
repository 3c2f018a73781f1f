/** Parsers for the job board's documents. */
import type { JobDoc, JobTaxonDoc } from '../types';
import { asObject, optionalBoolean, optionalRelationId, optionalString, requireHttpUrl, requireNumber, requireString } from './fieldReaders';

export function parseJobTaxonDoc(value: unknown, where: string): JobTaxonDoc {
  const fields = asObject(value, where);
  return { id: requireNumber(fields, 'id', where), name: requireString(fields, 'name', where), slug: requireString(fields, 'slug', where), active: optionalBoolean(fields, 'active', where) };
}

function relationIds(value: unknown, where: string): number[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new TypeError(`${where}: "types" is not an array`);
  return value.map((item: unknown) => (typeof item === 'object' && item !== null && 'id' in item ? item.id : item)).filter((id): id is number => typeof id === 'number');
}

export function parseJobDoc(value: unknown, where: string): JobDoc {
  const fields = asObject(value, where);
  const url = requireHttpUrl(fields, 'url', where);
  const status = optionalString(fields, 'status', where);
  return {
    id: requireNumber(fields, 'id', where),
    title: requireString(fields, 'title', where),
    companyName: requireString(fields, 'companyName', where),
    companyDescription: optionalString(fields, 'companyDescription', where),
    companyDescriptionHtml: optionalString(fields, 'companyDescriptionHtml', where) ?? '',
    categoryId: optionalRelationId(fields, 'category', where),
    typeIds: relationIds(fields['types'], where),
    otherJobType: optionalString(fields, 'otherJobType', where),
    city: requireString(fields, 'city', where),
    region: optionalString(fields, 'region', where),
    country: requireString(fields, 'country', where),
    locationSlug: optionalString(fields, 'locationSlug', where),
    remote: optionalBoolean(fields, 'remote', where),
    agencies: optionalBoolean(fields, 'agencies', where),
    description: requireString(fields, 'description', where),
    requirements: requireString(fields, 'requirements', where),
    descriptionHtml: optionalString(fields, 'descriptionHtml', where) ?? '',
    requirementsHtml: optionalString(fields, 'requirementsHtml', where) ?? '',
    contactName: optionalString(fields, 'contactName', where),
    email: requireString(fields, 'email', where),
    url,
    createdAt: requireString(fields, 'createdAt', where),
    approvedAt: optionalString(fields, 'approvedAt', where),
    ...(status === null ? {} : { status }),
    submittedBy: typeof fields['submittedBy'] === 'number' ? fields['submittedBy'] : null,
  };
}
