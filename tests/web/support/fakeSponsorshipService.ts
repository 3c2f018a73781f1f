/**
 * A SponsorshipService in memory for the site's route tests, keyed by the fake account service's
 * sessions. It follows the CMS's contract (401 without a session, 403 while the window is closed,
 * 400 with field errors, 404 for someone else's sponsorship) with its rules reduced to "a package
 * or a benefit, a company name, a primary contact", and records what it was sent.
 */
import type { AccountFailure } from '../../../web/src/services/accountService';
import type { ApplicationForm, ApplicationInput, AssetValue, SponsorshipDetail, SponsorshipService } from '../../../web/src/services/sponsorshipService';
import type { FakeAccounts } from './fakeAccountService';

export interface FakeSponsorships extends SponsorshipService {
  form: ApplicationForm;
  /** By id; `owner` is the username that sees it. */
  readonly sponsorships: Map<number, { owner: string; detail: SponsorshipDetail }>;
  readonly applications: ApplicationInput[];
  readonly fills: { assetId: number; value: AssetValue }[];
}

const failure = (status: AccountFailure['status'], message: string, errors: Record<string, string> = {}): AccountFailure => ({ ok: false, status, message, errors });

export const openForm: ApplicationForm = {
  open: true,
  message: '',
  year: 2026,
  programs: [{ id: 1, name: 'Foundation', description: '' }, { id: 2, name: 'PyPI', description: '' }],
  packages: [{ id: 10, name: 'Visionary', sponsorshipAmount: 160_000, allowALaCarte: true }, { id: 11, name: 'Sustainability', sponsorshipAmount: 80_000, allowALaCarte: true }],
  benefits: [
    { id: 100, name: 'Logo on python.org', description: 'On /psf/sponsors/.', programId: 1, packages: [10, 11], packageOnly: false, standalone: false, unavailable: false, soldOut: false },
    { id: 101, name: 'Keynote thanks', description: '', programId: 1, packages: [10], packageOnly: true, standalone: false, unavailable: false, soldOut: false },
    { id: 102, name: 'PyPI logo', description: '', programId: 2, packages: [], packageOnly: false, standalone: true, unavailable: false, soldOut: true },
    { id: 103, name: 'Job listing', description: '', programId: 2, packages: [], packageOnly: false, standalone: true, unavailable: false, soldOut: false },
  ],
  sponsors: [],
};

export function createFakeSponsorshipService(accounts: FakeAccounts): FakeSponsorships {
  const sponsorships = new Map<number, { owner: string; detail: SponsorshipDetail }>();
  const applications: ApplicationInput[] = [];
  const fills: { assetId: number; value: AssetValue }[] = [];
  const usernameOf = (session: string) => accounts.sessions.get(session);
  const own = (session: string, id: number) => {
    const entry = sponsorships.get(id);
    return entry !== undefined && entry.owner === usernameOf(session) ? entry.detail : null;
  };
  const service: FakeSponsorships = {
    form: openForm,
    sponsorships,
    applications,
    fills,
    async applicationForm() {
      return service.form;
    },
    async apply(session, input) {
      const username = usernameOf(session);
      if (username === undefined) return failure(401, 'Please sign in.');
      if (!service.form.open) return failure(403, service.form.message);
      const errors: Record<string, string> = {};
      if (input.packageId === null && input.benefitIds.length === 0) errors.benefits = 'Choose a package or at least one benefit.';
      if (input.sponsorId === null && input.company.name === '') errors['company.name'] = 'Enter the company\'s name.';
      if (input.sponsorId === null && !input.contacts.some((contact) => contact.primary)) errors.contacts = 'Mark at least one contact as primary.';
      if (Object.keys(errors).length > 0) return failure(400, 'Please correct the errors below.', errors);
      applications.push(input);
      const id = 500 + applications.length;
      sponsorships.set(id, {
        owner: username,
        detail: { id, status: 'applied', year: 2026, sponsorName: input.company.name, packageName: 'Visionary', appliedOn: '2026-03-01', startDate: null, endDate: null, sponsorshipFee: 160_000, benefits: [], contract: null, signedContract: null, assets: [] },
      });
      return { ok: true, value: { id }, message: 'Thank you for applying.' };
    },
    async mine(session) {
      const username = usernameOf(session);
      return username === undefined ? null : [...sponsorships.values()].filter((entry) => entry.owner === username).map((entry) => entry.detail);
    },
    async one(session, id) {
      return own(session, id);
    },
    async fillAsset(session, sponsorshipId, assetId, value) {
      const detail = own(session, sponsorshipId);
      if (detail === null) return failure(404, 'There is no such sponsorship among yours.');
      if ('value' in value && value.value.trim() === '') return failure(400, 'Enter the text.', { value: 'Enter the text.' });
      fills.push({ assetId, value });
      return { ok: true, value: undefined, message: 'Thank you: the asset is saved.' };
    },
    async contract(session, filename) {
      const mine = [...sponsorships.values()].some((entry) => entry.owner === usernameOf(session) && entry.detail.contract === filename);
      return mine ? { contentType: 'application/pdf', data: Buffer.from('%PDF-1.4 fake contract') } : null;
    },
  };
  return service;
}
