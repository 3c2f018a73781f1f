/**
 * The SponsorshipService (sponsorshipService.ts) over the CMS's sponsorship endpoints
 * (collections/Sponsorships/endpoints), through the one CMS client: 4xx answers become failures
 * with the CMS's own messages; a 5xx or no answer throws (CmsUnavailableError).
 */
import type { CmsClient } from '../cms/client';
import { failureOf, SIGN_IN_AGAIN, validSession } from './createAccountService';
import type {
  ApplicationBenefit,
  ApplicationForm,
  ApplicationPackage,
  ApplicationProgram,
  SponsorshipAsset,
  SponsorshipDetail,
  SponsorshipService,
  SponsorshipSummary,
} from './sponsorshipService';

/** A contract is a few pages; anything far bigger is not one of ours. */
export const CONTRACT_MAX_BYTES = 20 * 1024 * 1024;

type Doc = Readonly<Record<string, unknown>>;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const docs = (value: unknown): Doc[] => (Array.isArray(value) ? value.filter((entry): entry is Doc => typeof entry === 'object' && entry !== null) : []);
const ids = (value: unknown): number[] => (Array.isArray(value) ? value.filter((entry): entry is number => typeof entry === 'number') : []);

function parseForm(body: Doc): ApplicationForm {
  const window = (typeof body.window === 'object' && body.window !== null ? body.window : {}) as Doc;
  const programs: ApplicationProgram[] = docs(body.programs).flatMap((doc) => (num(doc.id) === null ? [] : [{ id: num(doc.id)!, name: str(doc.name), description: str(doc.description) }]));
  const packages: ApplicationPackage[] = docs(body.packages).flatMap((doc) => (num(doc.id) === null ? [] : [{ id: num(doc.id)!, name: str(doc.name), sponsorshipAmount: num(doc.sponsorshipAmount) ?? 0, allowALaCarte: doc.allowALaCarte !== false }]));
  const benefits: ApplicationBenefit[] = docs(body.benefits).flatMap((doc) =>
    num(doc.id) === null
      ? []
      : [{
          id: num(doc.id)!,
          name: str(doc.name),
          description: str(doc.description),
          programId: num(doc.programId),
          packages: ids(doc.packages),
          packageOnly: doc.packageOnly === true,
          standalone: doc.standalone === true,
          unavailable: doc.unavailable === true,
          soldOut: doc.soldOut === true,
        }],
  );
  const sponsors = docs(body.sponsors).flatMap((doc) => (num(doc.id) === null ? [] : [{ id: num(doc.id)!, name: str(doc.name) }]));
  return { open: window.open === true, message: str(window.message), year: num(window.year), programs, packages, benefits, sponsors };
}

function parseSummary(doc: Doc): SponsorshipSummary | null {
  const id = num(doc.id);
  if (id === null) return null;
  return { id, status: str(doc.status), year: num(doc.year) ?? 0, sponsorName: str(doc.sponsorName), packageName: str(doc.packageName), appliedOn: str(doc.appliedOn) || null };
}

function parseAsset(doc: Doc): SponsorshipAsset | null {
  const id = num(doc.id);
  const kind = doc.kind;
  if (id === null || (kind !== 'image' && kind !== 'text' && kind !== 'link')) return null;
  return {
    id,
    kind,
    internalName: str(doc.internalName),
    label: str(doc.label),
    helpText: str(doc.helpText),
    benefitName: str(doc.benefitName),
    dueDate: str(doc.dueDate) || null,
    textValue: str(doc.textValue),
    urlValue: str(doc.urlValue),
    imageFilename: str(doc.imageFilename) || null,
    filled: doc.filled === true,
  };
}

function parseDetail(doc: Doc): SponsorshipDetail | null {
  const summary = parseSummary(doc);
  if (summary === null) return null;
  return {
    ...summary,
    startDate: str(doc.startDate) || null,
    endDate: str(doc.endDate) || null,
    sponsorshipFee: num(doc.sponsorshipFee),
    benefits: docs(doc.benefits).map((benefit) => ({ name: str(benefit.name), programName: str(benefit.programName), description: str(benefit.description) })),
    contract: str(doc.contract) || null,
    signedContract: str(doc.signedContract) || null,
    assets: docs(doc.assets).flatMap((asset) => parseAsset(asset) ?? []),
  };
}

export function createSponsorshipService(client: Pick<CmsClient, 'sessionRequest' | 'sessionUpload' | 'sessionDownload'>): SponsorshipService {
  return {
    async applicationForm(session) {
      const response = await client.sessionRequest({ method: 'GET', path: 'sponsorships/application', ...(session !== null && validSession(session) ? { session } : {}) });
      if (response.status !== 200) throw new Error(`The CMS answered ${response.status} for the sponsorship application form.`);
      return parseForm(response.body);
    },

    async apply(session, input, visitorAddress) {
      if (!validSession(session)) return SIGN_IN_AGAIN;
      const response = await client.sessionRequest({
        method: 'POST',
        path: 'sponsorships/application',
        session,
        visitorAddress,
        body: {
          package: input.packageId,
          benefits: input.benefitIds,
          ...(input.sponsorId === null ? { company: input.company, contacts: input.contacts } : { sponsor: input.sponsorId }),
        },
      });
      if (response.status !== 201) return failureOf(response);
      const id = num((response.body.sponsorship as Doc | undefined)?.id);
      if (id === null) throw new Error('The CMS took the application but answered no sponsorship.');
      return { ok: true, value: { id }, message: str(response.body.message) };
    },

    async mine(session) {
      if (!validSession(session)) return null;
      const response = await client.sessionRequest({ method: 'GET', path: 'sponsorships/mine', session });
      if (response.status !== 200) return null;
      return docs(response.body.sponsorships).flatMap((doc) => parseSummary(doc) ?? []);
    },

    async one(session, id) {
      if (!validSession(session) || !Number.isInteger(id) || id < 1) return null;
      const response = await client.sessionRequest({ method: 'GET', path: `sponsorships/mine/${id}`, session });
      if (response.status !== 200) return null;
      return parseDetail((response.body.sponsorship ?? {}) as Doc);
    },

    async fillAsset(session, sponsorshipId, assetId, value) {
      if (!validSession(session)) return SIGN_IN_AGAIN;
      const path = `sponsorships/mine/${sponsorshipId}/assets/${assetId}`;
      const response = 'file' in value ? await client.sessionUpload({ path, session, file: value.file }) : await client.sessionRequest({ method: 'POST', path, session, body: { value: value.value } });
      if (response.status !== 200) return failureOf(response);
      return { ok: true, value: undefined, message: str(response.body.message) };
    },

    async contract(session, filename) {
      if (!validSession(session) || !/^[\w.-]{1,200}$/.test(filename)) return null;
      return client.sessionDownload({ path: `sponsor-contracts/file/${encodeURIComponent(filename)}`, session, maxBytes: CONTRACT_MAX_BYTES });
    },
  };
}
