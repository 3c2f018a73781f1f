/**
 * What every account page and form shares: the form body parser, the CSRF and honeypot checks,
 * and rendering as a personal page (`private, no-store`, `Vary: Cookie`, never in the page
 * cache, its own CSRF cookie path). The pages' routers (routes/accounts.ts, routes/users.ts)
 * keep only what differs between forms.
 */
import express, { type Request, type RequestHandler, type Response } from 'express';
import { csrfFieldName, csrfTokenMatches, issueCsrfToken } from '../forms/csrfToken';
import { postedTexts } from '../forms/postedForm';
import { renderSitePage } from '../rendering/renderSitePage';
import type { AccountFailure, AccountFieldErrors } from '../services/accountService';
import type { Services } from '../services/index';

/**
 * python.org's honeypot (pydotorg's honeypot settings): the hidden field `email_body_text`
 * comes prefilled and must come back unchanged; bots that fill every field change it.
 */
export const honeypotField = 'email_body_text';
export const honeypotValue = 'write your message';

/**
 * The CSRF cookie's path for the forms under /accounts/ (none of those pages is cached). The
 * profile form's cookie is on /users/edit/ and its delete form's path only (users.ts): on
 * /users/ it would send the visitor's requests for public profiles past the page cache.
 */
export const accountsCsrfPath = '/accounts/';

/** Account forms are small; a bigger body is not a form of ours. */
export const parseAccountForm: RequestHandler = express.urlencoded({ extended: false, limit: '32kb', parameterLimit: 30 });

/** A form's state as its template shows it. Passwords are never in `values`: a page never echoes one. */
export interface FormState {
  readonly status: number;
  readonly values: Readonly<Record<string, string>>;
  readonly errors: AccountFieldErrors;
  readonly message: string | null;
  readonly success: string | null;
}

export const blankForm: FormState = { status: 200, values: {}, errors: {}, message: null, success: null };

/** The posted fields as strings (anything else, or a missing field, is empty). */
export function formFields(req: Request): Readonly<Record<string, string>> {
  return postedTexts.parse(req.body);
}

/** Only the named fields, for showing again what was typed. */
export function pick(fields: Readonly<Record<string, string>>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, fields[name] ?? '']));
}

export const csrfRefusal = 'Your form session expired or was not sent with the form. Please submit the form again.';
export const honeypotRefusal = 'The form could not be accepted. Please submit it again from this page.';

export function csrfAccepted(req: Request, fields: Readonly<Record<string, string>>): boolean {
  return csrfTokenMatches(req, fields[csrfFieldName]);
}

export function honeypotAccepted(fields: Readonly<Record<string, string>>): boolean {
  return fields[honeypotField] === honeypotValue;
}

function inMinutes(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? 'a minute' : `${minutes} minutes`;
}

export function tooManyAttempts(seconds: number): string {
  return `Too many attempts from your address. Please try again in ${inMinutes(seconds)}.`;
}

/** A failure from the CMS as a form state: its status, message and field errors (429: the wait). */
export function failureState(res: Response, failure: AccountFailure, values: Readonly<Record<string, string>>): FormState {
  if (failure.status === 429) {
    const seconds = failure.retryAfterSeconds ?? 3600;
    res.set('Retry-After', String(seconds));
    return { status: 429, values, errors: failure.errors, message: tooManyAttempts(seconds), success: null };
  }
  return { status: failure.status, values, errors: failure.errors, message: failure.message, success: null };
}

/**
 * Renders an account page: personal (`private, no-store`, `Vary: Cookie`), with a fresh CSRF
 * token for its form(s) on `csrfPath`.
 */
export async function renderAccountPage(
  req: Request,
  res: Response,
  services: Pick<Services, 'site'>,
  view: string,
  context: Readonly<Record<string, unknown>>,
  options: { readonly status?: number; readonly csrfPaths?: readonly [string, ...string[]] },
): Promise<void> {
  const [path, ...morePaths] = options.csrfPaths ?? [accountsCsrfPath];
  const csrfToken = issueCsrfToken(req, res, path, morePaths);
  await renderSitePage(req, res, services, view, { ...context, csrfToken, csrfFieldName, honeypotField, honeypotValue }, {
    surrogateKeys: [],
    cacheProfile: 'personal',
    status: options.status ?? 200,
    headers: { Vary: 'Cookie' },
  });
}

/** One fixed message per `?done=` code: the flash after a post/redirect/get, never text from the URL. */
export function flashMessage(req: Request, messages: Readonly<Record<string, string>>): string | null {
  const code = req.query['done'];
  return typeof code === 'string' && Object.hasOwn(messages, code) ? (messages[code] ?? null) : null;
}
