/** Parsers for PSF elections, nominees and nominations (issue 13). */
import type { ElectionDoc, NominationDoc, NomineeDoc } from '../types';
import { asObject, optionalBoolean, optionalNumber, optionalRelationId, optionalString, requireNumber, requireString } from './fieldReaders';

export function parseElectionDoc(value: unknown, where: string): ElectionDoc {
  const fields = asObject(value, where);
  return {
    id: requireNumber(fields, 'id', where),
    name: requireString(fields, 'name', where),
    slug: requireString(fields, 'slug', where),
    date: requireString(fields, 'date', where),
    nominationsOpenAt: optionalString(fields, 'nominationsOpenAt', where),
    nominationsCloseAt: optionalString(fields, 'nominationsCloseAt', where),
    description: optionalString(fields, 'description', where),
    descriptionHtml: optionalString(fields, 'descriptionHtml', where) ?? '',
    hidePreviousService: optionalBoolean(fields, 'hidePreviousService', where),
  };
}

export function parseNomineeDoc(value: unknown, where: string): NomineeDoc {
  const fields = asObject(value, where);
  return {
    id: requireNumber(fields, 'id', where),
    electionId: optionalRelationId(fields, 'election', where),
    name: requireString(fields, 'name', where),
    slug: requireString(fields, 'slug', where),
  };
}

export function parseNominationDoc(value: unknown, where: string): NominationDoc {
  const fields = asObject(value, where);
  return {
    id: requireNumber(fields, 'id', where),
    electionId: optionalRelationId(fields, 'election', where),
    name: requireString(fields, 'name', where),
    email: optionalString(fields, 'email', where),
    employer: requireString(fields, 'employer', where),
    previousService: optionalString(fields, 'previousService', where),
    otherAffiliations: optionalString(fields, 'otherAffiliations', where),
    statement: requireString(fields, 'statement', where),
    statementHtml: optionalString(fields, 'statementHtml', where) ?? '',
    nominator: optionalNumber(fields, 'nominator', where),
    nomineeId: optionalRelationId(fields, 'nominee', where),
    nomineeAccount: optionalNumber(fields, 'nomineeAccount', where),
    accepted: optionalBoolean(fields, 'accepted', where),
    approved: optionalBoolean(fields, 'approved', where),
  };
}
