/**
 * PSF elections and nominations as the site's pages see them (issue 13; python.org's
 * apps/nominations). Public reads go through the CMS's access rules, so only accepted and
 * approved nominees and nominations ever reach a public page; the personal calls (nominating,
 * answering an invitation, the history) act as the visitor's account with its session, and the
 * CMS's nomination rules (collections/Nominations/workflow.ts) decide, whatever the form says.
 */
import { z } from 'zod';

import type { AccountResponse, CmsClient } from '../cms/client';
import { parseCreatedDocId } from '../cms/parse/createdDocId';
import { text } from '../cms/parse/lenientFields';
import { parseInvitationAnswer, parseNominationDoc } from '../cms/parse/nominationDocs';
import type { ElectionDoc, NominationDoc } from '../cms/types';
import type { AccountFailure, AccountOutcome } from './accountService';
import { failureOf } from './createAccountService';
import { formatDay, isoDay } from './formatting';

export type NominationWindow = 'not-yet-open' | 'open' | 'closed' | 'no-window';

/** The same rule as the CMS's (collections/Elections/electionWindow.ts): the renderer never imports the schema. */
export function nominationWindowOf(election: Pick<ElectionDoc, 'nominationsOpenAt' | 'nominationsCloseAt'>, now: Date): NominationWindow {
  const open = election.nominationsOpenAt ? Date.parse(election.nominationsOpenAt) : Number.NaN;
  const close = election.nominationsCloseAt ? Date.parse(election.nominationsCloseAt) : Number.NaN;
  if (Number.isNaN(open) || Number.isNaN(close)) return 'no-window';
  if (now.getTime() < open) return 'not-yet-open';
  return now.getTime() < close ? 'open' : 'closed';
}

/** python.org's status labels (Election.status), without its inverted "Commenced" / "Voting Not Yet Begun". */
const STATUS_LABELS: Readonly<Record<NominationWindow, string>> = {
  'not-yet-open': 'Nominations Not Yet Open',
  open: 'Nominations Open',
  closed: 'Nominations Closed',
  'no-window': 'No Nominations',
};

export interface ElectionView {
  readonly id: number;
  readonly name: string;
  readonly slug: string;
  readonly path: string;
  readonly nomineesPath: string;
  readonly formPath: string;
  readonly date: string;
  readonly isoDate: string;
  readonly opensAt: string | null;
  readonly closesAt: string | null;
  readonly window: NominationWindow;
  readonly status: string;
  readonly descriptionHtml: string;
  readonly hidePreviousService: boolean;
}

export interface NomineeView {
  readonly name: string;
  readonly slug: string;
  readonly path: string;
}

export interface NominationView {
  readonly id: number;
  readonly name: string;
  readonly employer: string;
  readonly previousService: string | null;
  readonly otherAffiliations: string | null;
  readonly statementHtml: string;
  readonly accepted: boolean;
  readonly approved: boolean;
}

export interface NominationInput {
  readonly name: string;
  readonly email: string;
  readonly employer: string;
  readonly previousService: string;
  readonly otherAffiliations: string;
  readonly statement: string;
  readonly codeOfConductAcknowledged: boolean;
  readonly missionAlignment: boolean;
  readonly eligibilityConfirmed: boolean;
}

export interface InvitationView {
  readonly electionName: string;
  readonly electionSlug: string;
  readonly nomination: { readonly id: number; readonly name: string; readonly employer: string; readonly statementHtml: string; readonly accepted: boolean };
}

export interface HistoryEntry {
  readonly election: ElectionView | null;
  readonly nomination: NominationView;
  readonly self: boolean;
  readonly nomineePath: string | null;
}

export interface NominationHistory {
  readonly received: readonly HistoryEntry[];
  readonly made: readonly HistoryEntry[];
}

export interface NominationService {
  /** Every election, grouped by python.org's status labels (open first). */
  elections(): Promise<readonly { readonly label: string; readonly elections: readonly ElectionView[] }[]>;
  /** An election and its public nominees; null when there is no such election. */
  election(slug: string): Promise<{ readonly election: ElectionView; readonly nominees: readonly NomineeView[] } | null>;
  /** A public nominee's page; null when the election or nominee is unknown or not public. */
  nominee(electionSlug: string, nomineeSlug: string): Promise<{ readonly election: ElectionView; readonly nominee: NomineeView; readonly nominations: readonly NominationView[] } | null>;
  /** A statement as it will be shown (the form's preview), rendered by the CMS as it renders a saved one. */
  previewStatement(session: string, markdown: string): Promise<AccountOutcome<string>>;
  nominate(session: string, election: ElectionView, input: NominationInput): Promise<AccountOutcome<{ readonly id: number }>>;
  /** The invitation link: shows the nomination (`answer` absent) or answers it. */
  invitation(session: string, token: string, answer?: 'accept' | 'decline'): Promise<AccountOutcome<InvitationView>>;
  /** The signed-in account's nominations, received and made (python.org's /users/nominations/). */
  history(session: string, accountId: number): Promise<NominationHistory>;
  /** The nominee changes their answer (python.org's "Change Acceptance"); the CMS's rules decide. */
  answer(session: string, nominationId: number, accepted: boolean): Promise<AccountOutcome>;
}

function utc(iso: string | null): string | null {
  if (iso === null) return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function electionView(doc: ElectionDoc, now: Date): ElectionView {
  const window = nominationWindowOf(doc, now);
  const path = `/nominations/election/${encodeURIComponent(doc.slug)}/`;
  return {
    id: doc.id,
    name: doc.name,
    slug: doc.slug,
    path,
    nomineesPath: `/nominations/elections/${encodeURIComponent(doc.slug)}/nominees/`,
    formPath: `/nominations/${encodeURIComponent(doc.slug)}/create/`,
    date: formatDay(doc.date),
    isoDate: isoDay(doc.date),
    opensAt: utc(doc.nominationsOpenAt),
    closesAt: utc(doc.nominationsCloseAt),
    window,
    status: STATUS_LABELS[window],
    descriptionHtml: doc.descriptionHtml,
    hidePreviousService: doc.hidePreviousService,
  };
}

function nominationView(doc: NominationDoc): NominationView {
  return {
    id: doc.id,
    name: doc.name,
    employer: doc.employer,
    previousService: doc.previousService,
    otherAffiliations: doc.otherAffiliations,
    statementHtml: doc.statementHtml,
    accepted: doc.accepted,
    approved: doc.approved,
  };
}

/**
 * A refusal from the CMS as a form failure (either of its shapes, cms/parse/cmsRefusal.ts); with
 * field errors, the form's message points at them.
 */
export function restFailure(response: AccountResponse): AccountFailure {
  const failure = failureOf(response);
  return Object.keys(failure.errors).length > 0 ? { ...failure, message: 'Please correct the fields marked below.' } : failure;
}

const ELECTIONS_SHOWN = 200;

/** The account's nominations as Payload lists them; each is then read strictly (parseNominationDoc). */
const nominationList = z.object({ docs: z.array(z.unknown()) });

export function createNominationService(client: CmsClient, now: () => Date = () => new Date()): NominationService {
  async function electionBySlug(slug: string): Promise<ElectionView | null> {
    const doc = (await client.findElections()).find((election) => election.slug === slug);
    return doc === undefined ? null : electionView(doc, now());
  }

  return {
    async elections() {
      const at = now();
      const views = (await client.findElections()).slice(0, ELECTIONS_SHOWN).map((doc) => electionView(doc, at));
      const order: NominationWindow[] = ['open', 'not-yet-open', 'closed', 'no-window'];
      return order
        .map((window) => ({ label: STATUS_LABELS[window], elections: views.filter((view) => view.window === window) }))
        .filter((group) => group.elections.length > 0);
    },

    async election(slug) {
      const election = await electionBySlug(slug);
      if (election === null) return null;
      const nominees = (await client.findVisibleNominees(election.id)).map((doc) => ({ name: doc.name, slug: doc.slug, path: `${election.nomineesPath}${encodeURIComponent(doc.slug)}/` }));
      return { election, nominees };
    },

    async nominee(electionSlug, nomineeSlug) {
      const found = await this.election(electionSlug);
      const nominee = found?.nominees.find((candidate) => candidate.slug === nomineeSlug);
      if (found === null || nominee === undefined) return null;
      const docs = (await client.findVisibleNominees(found.election.id)).find((doc) => doc.slug === nomineeSlug);
      const nominations = docs === undefined ? [] : (await client.findVisibleNominations(docs.id)).map(nominationView);
      return { election: found.election, nominee, nominations };
    },

    async previewStatement(session, markdown) {
      const response = await client.sessionRequest({ method: 'POST', path: 'nominations/preview', session, body: { statement: markdown } });
      if (response.status !== 200) return restFailure(response);
      return { ok: true, value: text.parse(response.body.html), message: '' };
    },

    async nominate(session, election, input) {
      const response = await client.sessionRequest({ method: 'POST', path: 'nominations', session, body: { ...input, election: election.id }, query: new URLSearchParams({ depth: '0' }) });
      if (response.status !== 201 && response.status !== 200) return restFailure(response);
      return { ok: true, value: { id: parseCreatedDocId(response.body) ?? 0 }, message: 'Your nomination has been submitted.' };
    },

    async invitation(session, token, answer) {
      const response = await client.sessionRequest({ method: 'POST', path: 'nominations/invitation', session, body: answer === undefined ? { token } : { token, answer } });
      if (response.status !== 200) return restFailure(response);
      const { message, election, nomination } = parseInvitationAnswer(response.body);
      return { ok: true, message, value: { electionName: election.name, electionSlug: election.slug, nomination } };
    },

    async answer(session, nominationId, accepted) {
      const response = await client.sessionRequest({ method: 'PATCH', path: `nominations/${nominationId}`, session, body: { accepted }, query: new URLSearchParams({ depth: '0' }) });
      return response.status === 200 ? { ok: true, value: undefined, message: '' } : restFailure(response);
    },

    async history(session, accountId) {
      const query = new URLSearchParams({
        'where[or][0][nominator][equals]': String(accountId),
        'where[or][1][nomineeAccount][equals]': String(accountId),
        depth: '0',
        limit: '200',
        sort: '-createdAt',
      });
      const response = await client.sessionRequest({ method: 'GET', path: 'nominations', session, query });
      const listed = response.status === 200 ? nominationList.safeParse(response.body).data : undefined;
      if (listed === undefined) return { received: [], made: [] };
      const docs = listed.docs.map((doc, index) => parseNominationDoc(doc, `nominations[${index}]`));
      const at = now();
      const elections = new Map((await client.findElections()).map((doc) => [doc.id, electionView(doc, at)]));
      const entry = (doc: NominationDoc): HistoryEntry => ({
        election: doc.electionId === null ? null : (elections.get(doc.electionId) ?? null),
        nomination: nominationView(doc),
        self: doc.nominator === doc.nomineeAccount,
        nomineePath: null,
      });
      return {
        received: docs.filter((doc) => doc.nomineeAccount === accountId).map(entry),
        made: docs.filter((doc) => doc.nominator === accountId).map(entry),
      };
    },
  };
}
