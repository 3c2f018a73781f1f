/**
 * Visitors' accounts as the site's routes see them (issue 11): sign-up, email verification,
 * sign-in and out, password reset and change, email change, profile edit, deletion, and public
 * profiles. The CMS keeps the accounts (the `accounts` auth collection, separate from staff
 * `users`); this service reaches it through the one CMS client. Routes never see how: a session
 * is an opaque string the renderer keeps in the visitor's HttpOnly session cookie and hands back.
 *
 * Every call that a visitor can repeat takes the visitor's address, so the CMS (which trusts this
 * renderer through its renderer key) limits per visitor, not per renderer.
 */

/** Field name -> message, for the form to show beside each field. */
export type AccountFieldErrors = Readonly<Record<string, string>>;

/** Why a call did not do what was asked; nothing was changed. */
export interface AccountFailure {
  readonly ok: false;
  /** 400 bad input, 401 wrong credentials or expired session, 403 not allowed (unverified, deactivated), 404, 409, 429. */
  readonly status: 400 | 401 | 403 | 404 | 409 | 429;
  /** One sentence for the top of the form, safe to show (never says whether an address has an account). */
  readonly message: string;
  readonly errors: AccountFieldErrors;
  /** With 429: when to try again. */
  readonly retryAfterSeconds?: number;
}

export type AccountOutcome<T = undefined> = { readonly ok: true; readonly value: T; readonly message: string } | AccountFailure;

/** What a successful sign-in yields: the session to keep in the cookie, and when it ends. */
export interface AccountSession {
  readonly token: string;
  /** ISO date-time; the cookie's expiry. */
  readonly expiresAt: string;
}

/** Who sees an account's email address on its public profile. */
export type EmailPrivacy = 'public' | 'accounts' | 'nobody';

/** The signed-in visitor's own account, for the account pages (never cached, never shared). */
export interface SignedInAccount {
  readonly id: number;
  readonly username: string;
  readonly email: string;
  /** An address waiting for its verification link (an email change); null when none. */
  readonly pendingEmail: string | null;
  readonly firstName: string;
  readonly lastName: string;
  readonly bio: string;
  readonly location: string;
  readonly publicProfile: boolean;
  /** Whether search engines may index the public profile. */
  readonly searchVisibility: boolean;
  readonly emailPrivacy: EmailPrivacy;
  readonly createdAt: string;
  readonly lastSignInAt: string | null;
  /** Whether the account is a PSF member (issue 13): the menus offer to edit or to become one. */
  readonly psfMember: boolean;
}

/** A public profile page's data: only accounts marked public, verified and active have one. */
export interface PublicProfile {
  readonly username: string;
  /** First and last name, or the username when both are empty. */
  readonly displayName: string;
  /** The bio, rendered from Markdown through the site's sanitiser. */
  readonly bioHtml: string;
  readonly location: string;
  /** Shown only when the account's email privacy is `public` (the page is the same for everyone). */
  readonly email: string | null;
  readonly searchVisibility: boolean;
  readonly memberSince: string;
}

export interface SignUpInput {
  readonly username: string;
  readonly email: string;
  readonly password: string;
  readonly passwordAgain: string;
}

export interface ProfileInput {
  readonly username: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly bio: string;
  readonly location: string;
  readonly publicProfile: boolean;
  readonly searchVisibility: boolean;
  readonly emailPrivacy: EmailPrivacy;
}

export interface AccountService {
  /**
   * Creates an unverified account and mails its verification link. A taken email address looks
   * the same to the visitor (ok, "check your mail") while its owner is told by mail; a taken
   * username is a 400 on `username` (usernames are public).
   */
  signUp(input: SignUpInput, visitorAddress: string): Promise<AccountOutcome>;
  /** Uses a verification link's token (one use, expiring): verifies the account or confirms a new address. */
  verifyEmail(token: string, visitorAddress: string): Promise<AccountOutcome>;
  /**
   * `login` is the username (case-insensitive) or the email. Wrong credentials, unknown accounts
   * and locked accounts are the same 401; an unverified account is a 403 and its link is re-sent.
   */
  signIn(input: { readonly login: string; readonly password: string }, visitorAddress: string): Promise<AccountOutcome<AccountSession>>;
  /** Ends the session on the CMS side too, so a copied cookie stops working. */
  signOut(session: string): Promise<void>;
  /** Always the same ok answer for a well-formed address, whether or not an account has it. */
  requestPasswordReset(email: string, visitorAddress: string): Promise<AccountOutcome>;
  /** Uses a reset link's token (one use, expiring) to set a new password; ends the account's other sessions. */
  resetPassword(input: { readonly token: string; readonly password: string; readonly passwordAgain: string }, visitorAddress: string): Promise<AccountOutcome>;
  /** The session's account; null when the session is unknown, expired, signed out or its account deactivated. */
  current(session: string): Promise<SignedInAccount | null>;
  updateProfile(session: string, input: ProfileInput): Promise<AccountOutcome<SignedInAccount>>;
  changePassword(session: string, input: { readonly currentPassword: string; readonly password: string; readonly passwordAgain: string }): Promise<AccountOutcome>;
  /** Mails a verification link to the new address; the email changes only when it is followed. */
  changeEmail(session: string, input: { readonly email: string; readonly password: string }): Promise<AccountOutcome>;
  /** Deletes the account (its password confirms) and takes what it posted off the site. */
  deleteAccount(session: string, input: { readonly password: string }): Promise<AccountOutcome>;
  /** null for an unknown, private, unverified or deactivated account. */
  publicProfile(username: string): Promise<PublicProfile | null>;
}
