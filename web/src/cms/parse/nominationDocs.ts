/** Parsers for PSF elections, nominees and nominations (issue 13). */
import { z } from 'zod';

import type { Election, Nomination, Nominee } from '../../../../collections/generated/payload-types';
import type { ElectionDoc, NominationDoc, NomineeDoc } from '../types';
import { docParser } from './docParser';
import { isTrue, text } from './lenientFields';
import { fieldsOf, finiteNumber, optionalBoolean, optionalNumber, optionalString, relationId, requiredString, stringOr } from './schemaFields';

export const parseElectionDoc = docParser(
  fieldsOf<Election>()({
    id: finiteNumber,
    name: requiredString,
    slug: requiredString,
    date: requiredString,
    nominationsOpenAt: optionalString,
    nominationsCloseAt: optionalString,
    description: optionalString,
    descriptionHtml: stringOr(''),
    hidePreviousService: optionalBoolean,
  }) satisfies z.ZodType<ElectionDoc>,
);

export const parseNomineeDoc = docParser(
  fieldsOf<Nominee>()({
    id: finiteNumber,
    election: relationId,
    name: requiredString,
    slug: requiredString,
  }).transform(({ election, ...doc }) => ({ ...doc, electionId: election })) satisfies z.ZodType<NomineeDoc>,
);

export const parseNominationDoc = docParser(
  fieldsOf<Nomination>()({
    id: finiteNumber,
    election: relationId,
    name: requiredString,
    email: optionalString,
    employer: requiredString,
    previousService: optionalString,
    otherAffiliations: optionalString,
    statement: requiredString,
    statementHtml: stringOr(''),
    // Account ids are plain numbers (accounts have no GraphQL relationship).
    nominator: optionalNumber,
    nominee: relationId,
    nomineeAccount: optionalNumber,
    accepted: optionalBoolean,
    approved: optionalBoolean,
  }).transform(({ election, nominee, ...doc }) => ({ ...doc, electionId: election, nomineeId: nominee })) satisfies z.ZodType<NominationDoc>,
);

/**
 * The CMS's answer to a nomination invitation (collections/Nominations/endpoints): the
 * election's name and slug and the nomination as the nominee sees it. Read leniently: anything
 * missing or odd reads as '' / 0 / false, as the confirmation page always has.
 */
const invitationElectionSchema = z.object({ name: text, slug: text }).catch({ name: '', slug: '' });

const invitationNominationSchema = fieldsOf<Nomination>()({
  id: z.number().catch(0),
  name: text,
  employer: text,
  statementHtml: text,
  accepted: isTrue,
}).catch({ id: 0, name: '', employer: '', statementHtml: '', accepted: false });

const invitationAnswerSchema = z.object({ message: text, election: invitationElectionSchema, nomination: invitationNominationSchema });

export const parseInvitationAnswer = (body: Readonly<Record<string, unknown>>) => invitationAnswerSchema.parse(body);
