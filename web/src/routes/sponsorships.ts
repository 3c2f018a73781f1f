/**
 * PSF sponsorship's personal pages at python.org's URLs (issue 17): the application form
 * (`/sponsors/application/`: choose a package or benefits, preview what the choice comes to,
 * then the company and its contacts, and submit) and the sponsor's dashboard
 * (`/users/sponsorships/`, `/users/sponsorships/<id>/`: status, benefits, the contract's
 * download, the required assets to fill). Every page needs a signed-in account and is personal
 * (`private, no-store`); every form carries its CSRF token, the application python.org's honeypot
 * and a per-visitor limit. The CMS checks everything again and decides; its refusals are shown on
 * the form with its message and status.
 */
import express, { Router, type Request, type Response } from 'express';
import type { TrustedProxies } from '../../../lib/throttle/clientAddress';
import { addressBucket } from '../../../lib/throttle/clientAddress';
import { createRateLimiter, type RateLimiter, type ThrottleStore } from '../../../lib/throttle/RateLimiter';
import { visitorAddressOf } from '../accounts/accountFormThrottle';
import { csrfAccepted, csrfRefusal, flashMessage, formFields, honeypotAccepted, honeypotRefusal, renderAccountPage, tooManyAttempts } from '../accounts/accountPages';
import { requireAccount, type SignedIn } from '../accounts/requireAccount';
import type { Services } from '../services/index';
import { formatUsd, summarizeChoice } from '../services/sponsorshipChoice';
import type { ApplicationForm, ApplicationInput, ContactInput, SponsorshipDetail } from '../services/sponsorshipService';

/** New applications per visitor address (TRUST_PROXY decides who the visitor is). */
export interface SponsorshipFormThrottle {
  readonly limiter: RateLimiter;
  readonly trustedProxies: TrustedProxies;
}

export function sponsorshipFormThrottle(perHour: number, trustedProxies: TrustedProxies, store?: ThrottleStore): SponsorshipFormThrottle {
  return { limiter: createRateLimiter({ name: 'sponsorship-form', limit: perHour, windowMs: 60 * 60 * 1000, store }), trustedProxies };
}

const APPLICATION_PATH = '/sponsors/application/';
/** Rows of contacts on the form (python.org's formset shows a few; the CMS takes up to five). */
export const CONTACT_ROWS = 3;
const CONTACT_FLAGS = ['primary', 'administrative', 'accounting', 'manager'] as const;
/** The form holds a checkbox per benefit (a year offers a few dozen) and the contacts' rows. */
const parseApplicationForm = express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 300 });
/** A sponsor's image asset: the CMS takes at most 5 MB; the form's other fields are small. */
export const ASSET_UPLOAD_MAX_BYTES = 5 * 1024 * 1024 + 64 * 1024;
const parseAssetUpload = express.raw({ type: 'multipart/form-data', limit: ASSET_UPLOAD_MAX_BYTES });
const parseAssetText = express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 10 });

const statusLabels: Readonly<Record<string, string>> = {
  applied: 'Applied: the PSF is reviewing your application',
  approved: 'Approved: a contract is ready for signing',
  rejected: 'Rejected',
  finalized: 'Finalized: thank you for sponsoring the PSF',
};
const dashboardFlash = { applied: 'Thank you for applying to sponsor the PSF! The sponsorship team will be in touch; you got a copy by mail.', saved: 'Thank you: the asset is saved.' };

function idParam(raw: unknown): number | null {
  return typeof raw === 'string' && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

/** The posted form as the service's input and as the values to show again. */
function readApplication(fields: Readonly<Record<string, string>>, form: ApplicationForm): { input: ApplicationInput; values: Record<string, string> } {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) if (/^(package|sponsor|company_\w+|contact_\d_\w+|benefit_\d+)$/.test(name)) values[name] = value.slice(0, 4000);
  const contacts: ContactInput[] = [];
  for (let row = 0; row < CONTACT_ROWS; row += 1) {
    const field = (name: string) => (fields[`contact_${row}_${name}`] ?? '').trim();
    const contact: ContactInput = {
      name: field('name'),
      email: field('email'),
      phone: field('phone'),
      primary: field('primary') === 'on',
      administrative: field('administrative') === 'on',
      accounting: field('accounting') === 'on',
      manager: field('manager') === 'on',
    };
    // A row left blank is no contact; a half-filled one goes to the CMS, which names what is missing.
    if (contact.name !== '' || contact.email !== '' || contact.phone !== '' || CONTACT_FLAGS.some((flag) => contact[flag])) contacts.push(contact);
  }
  const benefitIds = form.benefits.filter((benefit) => fields[`benefit_${benefit.id}`] === 'on').map((benefit) => benefit.id);
  return {
    values,
    input: {
      packageId: idParam(fields['package']),
      benefitIds,
      sponsorId: idParam(fields['sponsor']),
      company: { name: (fields['company_name'] ?? '').trim(), description: (fields['company_description'] ?? '').trim(), landingPageUrl: (fields['company_landingPageUrl'] ?? '').trim() },
      contacts,
    },
  };
}

/** The CMS's field names (`company.name`, `contacts.0.email`) as the form's. */
function formErrors(errors: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([name, message]) => [name.replace(/^company\./, 'company_').replace(/^contacts\.(\d)\./, 'contact_$1_'), message]));
}

export function createSponsorshipsRouter(
  services: Pick<Services, 'site' | 'accounts' | 'sponsorships'>,
  throttle: SponsorshipFormThrottle = sponsorshipFormThrottle(5, { kind: 'none' }),
): Router {
  const router = Router();
  const { accounts, sponsorships } = services;

  type FormPage = { status?: number; values?: Record<string, string>; errors?: Record<string, string>; message?: string | null; preview?: boolean };

  async function renderApplication(req: Request, res: Response, signedIn: SignedIn, form: ApplicationForm, page: FormPage = {}): Promise<void> {
    const values = page.values ?? { contact_0_email: signedIn.account.email, contact_0_primary: 'on' };
    const packageId = idParam(values['package']);
    const chosen = form.benefits.filter((benefit) => values[`benefit_${benefit.id}`] === 'on').map((benefit) => benefit.id);
    const groups = form.programs
      .map((program) => ({ program, benefits: form.benefits.filter((benefit) => benefit.programId === program.id) }))
      .filter((group) => group.benefits.length > 0);
    await renderAccountPage(req, res, services, 'sponsors/application.njk', {
      form,
      groups,
      packages: form.packages.map((entry) => ({ ...entry, amount: formatUsd(entry.sponsorshipAmount) })),
      values,
      errors: page.errors ?? {},
      message: page.message ?? null,
      success: null,
      summary: page.preview === true && (packageId !== null || chosen.length > 0) ? summarizeChoice(form, packageId, chosen) : null,
      contactRows: Array.from({ length: CONTACT_ROWS }, (_, row) => row),
    }, { status: page.status ?? 200, csrfPaths: [APPLICATION_PATH] });
  }

  router.get(APPLICATION_PATH, async (req, res) => {
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    await renderApplication(req, res, signedIn, await sponsorships.applicationForm(signedIn.session));
  });

  router.post(APPLICATION_PATH, parseApplicationForm, async (req, res) => {
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    const form = await sponsorships.applicationForm(signedIn.session);
    const fields = formFields(req);
    const { input, values } = readApplication(fields, form);
    if (!csrfAccepted(req, fields)) return renderApplication(req, res, signedIn, form, { status: 403, values, message: csrfRefusal });
    if (!honeypotAccepted(fields)) return renderApplication(req, res, signedIn, form, { status: 400, values, message: honeypotRefusal });
    if (!form.open) return renderApplication(req, res, signedIn, form, { status: 403, values, message: form.message });
    // "Preview" recomputes what the choice comes to; only "Submit" sends it.
    if (fields['action'] !== 'submit') return renderApplication(req, res, signedIn, form, { values, preview: true });
    const visitor = visitorAddressOf(req, throttle.trustedProxies);
    const decision = await throttle.limiter.hit(addressBucket(visitor));
    if (!decision.allowed) {
      res.set('Retry-After', String(decision.retryAfterSeconds));
      return renderApplication(req, res, signedIn, form, { status: 429, values, message: tooManyAttempts(decision.retryAfterSeconds), preview: true });
    }
    const outcome = await sponsorships.apply(signedIn.session, input, visitor);
    if (!outcome.ok) {
      if (outcome.status === 429) res.set('Retry-After', String(outcome.retryAfterSeconds ?? 3600));
      const message = outcome.status === 429 ? tooManyAttempts(outcome.retryAfterSeconds ?? 3600) : outcome.message;
      return renderApplication(req, res, signedIn, form, { status: outcome.status, values, message, errors: formErrors(outcome.errors), preview: true });
    }
    res.set('Cache-Control', 'private, no-store');
    res.redirect(303, `/users/sponsorships/${outcome.value.id}/?done=applied`);
  });

  // The dashboard ------------------------------------------------------------------------------
  router.get('/users/sponsorships/', async (req, res) => {
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return;
    const mine = (await sponsorships.mine(signedIn.session)) ?? [];
    await renderAccountPage(req, res, services, 'sponsors/dashboard.njk', {
      sponsorships: mine.map((entry) => ({ ...entry, statusLabel: statusLabels[entry.status] ?? entry.status })),
      message: null,
      success: null,
      errors: {},
    }, { csrfPaths: ['/users/sponsorships/'] });
  });

  async function renderDetail(req: Request, res: Response, detail: SponsorshipDetail, page: { status?: number; message?: string | null; errors?: Record<string, string> } = {}): Promise<void> {
    const base = `/users/sponsorships/${detail.id}/`;
    await renderAccountPage(req, res, services, 'sponsors/sponsorship.njk', {
      sponsorship: detail,
      statusLabel: statusLabels[detail.status] ?? detail.status,
      fee: detail.sponsorshipFee === null ? 'To be agreed' : formatUsd(detail.sponsorshipFee),
      base,
      message: page.message ?? null,
      errors: page.errors ?? {},
      success: page.status === undefined ? flashMessage(req, dashboardFlash) : null,
    }, { status: page.status ?? 200, csrfPaths: [base] });
  }

  const notYours = (req: Request, res: Response) =>
    renderAccountPage(req, res, services, 'sponsors/notice.njk', { heading: 'Sponsorship not found', message: 'There is no such sponsorship among yours.' }, { status: 404, csrfPaths: ['/users/sponsorships/'] });

  async function ownDetail(req: Request, res: Response): Promise<{ signedIn: SignedIn; detail: SponsorshipDetail } | null | 'next'> {
    const id = idParam(req.params['id']);
    if (id === null) return 'next';
    const signedIn = await requireAccount(req, res, accounts);
    if (signedIn === null) return null;
    const detail = await sponsorships.one(signedIn.session, id);
    if (detail === null) {
      await notYours(req, res);
      return null;
    }
    return { signedIn, detail };
  }

  router.get('/users/sponsorships/:id/', async (req, res, next) => {
    const found = await ownDetail(req, res);
    if (found === 'next') return next();
    if (found === null) return;
    await renderDetail(req, res, found.detail);
  });

  /** The contract for signing, or the signed copy, as a download (the CMS checks the account may read it). */
  const download = (which: 'contract' | 'signedContract') => async (req: Request, res: Response, next: () => void): Promise<void> => {
    const found = await ownDetail(req, res);
    if (found === 'next') return next();
    if (found === null) return;
    const filename = found.detail[which];
    const file = filename === null ? null : await sponsorships.contract(found.signedIn.session, filename);
    if (file === null || filename === null) {
      await renderAccountPage(req, res, services, 'sponsors/notice.njk', { heading: 'No contract yet', message: 'This sponsorship has no such contract yet.' }, { status: 404, csrfPaths: ['/users/sponsorships/'] });
      return;
    }
    res.status(200).set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(file.data);
  };
  router.get('/users/sponsorships/:id/contract/', download('contract'));
  router.get('/users/sponsorships/:id/signed-contract/', download('signedContract'));

  /** The asset's post: a text or link (url-encoded form) or an image (multipart), with the form's CSRF token. */
  /** Only a signed-in visitor's upload is read (up to 5 MB): anyone else is sent to sign in first. */
  const signedInFirst = async (req: Request, res: Response, next: () => void): Promise<void> => {
    if ((await requireAccount(req, res, accounts)) !== null) next();
  };

  router.post('/users/sponsorships/:id/assets/:assetId/', signedInFirst, parseAssetUpload, parseAssetText, async (req, res, next) => {
    const found = await ownDetail(req, res);
    if (found === 'next') return next();
    if (found === null) return;
    const asset = found.detail.assets.find((entry) => entry.id === idParam(req.params['assetId']));
    if (asset === undefined) return notYours(req, res);
    let fields: Readonly<Record<string, string>> = formFields(req);
    let file: { data: Uint8Array; mimetype: string; filename: string } | null = null;
    if (Buffer.isBuffer(req.body)) {
      const parsed = await new Response(new Uint8Array(req.body), { headers: { 'content-type': req.get('content-type') ?? '' } }).formData().catch(() => null);
      if (parsed === null) return renderDetail(req, res, found.detail, { status: 400, message: 'The upload could not be read. Please choose the file again.' });
      const textFields: Record<string, string> = {};
      for (const [name, value] of parsed.entries()) {
        if (typeof value === 'string') textFields[name] = value;
        else if (name === 'file' && value.size > 0) file = { data: new Uint8Array(await value.arrayBuffer()), mimetype: value.type, filename: value.name.slice(0, 200) };
      }
      fields = textFields;
    }
    if (!csrfAccepted(req, fields)) return renderDetail(req, res, found.detail, { status: 403, message: csrfRefusal });
    if (asset.kind === 'image' && file === null) return renderDetail(req, res, found.detail, { status: 400, message: 'Choose an image file to upload.', errors: { [`asset_${asset.id}`]: 'Choose an image file to upload.' } });
    const outcome = await sponsorships.fillAsset(found.signedIn.session, found.detail.id, asset.id, file !== null && asset.kind === 'image' ? { file } : { value: fields['value'] ?? '' });
    if (!outcome.ok) return renderDetail(req, res, found.detail, { status: outcome.status, message: outcome.message, errors: { [`asset_${asset.id}`]: outcome.errors['value'] ?? outcome.message } });
    res.set('Cache-Control', 'private, no-store');
    res.redirect(303, `/users/sponsorships/${found.detail.id}/?done=saved`);
  });

  return router;
}
