/**
 * An AccountService in memory for the site's route tests: one verified account (`guido`,
 * password `correct horse battery`) and whatever signs up, sessions as random tokens, mailed
 * tokens recorded in `mail`. It follows the contract's answers (the same ok for a taken email or
 * an unknown reset address, 401 for wrong credentials) without the CMS's rules beyond that.
 */
import { randomBytes } from 'node:crypto';
import type { AccountFailure, AccountService, PublicProfile, SignedInAccount } from '../../../web/src/services/accountService';

export const knownPassword = 'correct horse battery';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type StoredAccount = Mutable<SignedInAccount> & { password: string; verified: boolean };

export interface FakeAccounts extends AccountService {
  readonly accounts: Map<string, StoredAccount>;
  readonly sessions: Map<string, string>;
  /** Tokens "mailed": verification and reset links, by kind. */
  readonly mail: { kind: 'verify' | 'reset'; token: string; username: string }[];
  /** Every call, by method name, with the visitor address when the method takes one. */
  readonly calls: { method: string; visitorAddress?: string }[];
}

const failure = (status: AccountFailure['status'], message: string, errors: Record<string, string> = {}): AccountFailure => ({ ok: false, status, message, errors });

export function guidoAccount(overrides: Partial<SignedInAccount> = {}): SignedInAccount {
  return {
    id: 1,
    username: 'guido',
    email: 'guido@example.org',
    pendingEmail: null,
    firstName: 'Guido',
    lastName: 'van Rossum',
    bio: 'Creator of Python.',
    location: 'Belmont',
    publicProfile: true,
    searchVisibility: true,
    emailPrivacy: 'nobody',
    createdAt: '2020-01-01T00:00:00.000Z',
    lastSignInAt: null,
    psfMember: false,
    ...overrides,
  };
}

export function createFakeAccountService(): FakeAccounts {
  const accounts: FakeAccounts['accounts'] = new Map([['guido', { ...guidoAccount(), password: knownPassword, verified: true }]]);
  const sessions = new Map<string, string>();
  const mail: FakeAccounts['mail'] = [];
  const calls: FakeAccounts['calls'] = [];
  const token = () => randomBytes(24).toString('base64url');
  const find = (login: string) => [...accounts.values()].find((a) => a.username.toLowerCase() === login.toLowerCase() || a.email === login);
  const ofSession = (session: string) => {
    const username = sessions.get(session);
    return username === undefined ? undefined : accounts.get(username);
  };
  const publicView = ({ password: _password, verified: _verified, ...account }: StoredAccount): SignedInAccount => account;

  return {
    accounts,
    sessions,
    mail,
    calls,
    async signUp(input, visitorAddress) {
      calls.push({ method: 'signUp', visitorAddress });
      const errors: Record<string, string> = {};
      if (!/^[A-Za-z0-9_@.+-]{1,150}$/.test(input.username)) errors['username'] = 'Usernames use ASCII letters, digits and @ . + - _ only.';
      else if (find(input.username)?.username.toLowerCase() === input.username.toLowerCase()) errors['username'] = 'A user with that username already exists.';
      if (input.password.length < 8) errors['password'] = 'Passwords have at least 8 characters.';
      else if (input.password !== input.passwordAgain) errors['passwordAgain'] = 'You must type the same password each time.';
      if (Object.keys(errors).length > 0) return failure(400, 'Please correct the fields marked below.', errors);
      if (find(input.email) === undefined) {
        accounts.set(input.username, { ...guidoAccount({ id: accounts.size + 1, username: input.username, email: input.email, firstName: '', lastName: '', bio: '', location: '' }), password: input.password, verified: false });
        mail.push({ kind: 'verify', token: token(), username: input.username });
      }
      return { ok: true, value: undefined, message: 'Check your mail.' };
    },
    async verifyEmail(value, visitorAddress) {
      calls.push({ method: 'verifyEmail', visitorAddress });
      const index = mail.findIndex((entry) => entry.kind === 'verify' && entry.token === value);
      const entry = mail[index];
      if (entry === undefined) return failure(404, 'This link has expired or was already used.');
      mail.splice(index, 1);
      const account = accounts.get(entry.username);
      if (account !== undefined) account.verified = true;
      return { ok: true, value: undefined, message: 'Verified.' };
    },
    async signIn(input, visitorAddress) {
      calls.push({ method: 'signIn', visitorAddress });
      const account = find(input.login);
      if (account === undefined || account.password !== input.password) return failure(401, 'The username or email and the password do not match.');
      if (!account.verified) return failure(403, 'Confirm your email address first: we have sent the link again.');
      const session = token();
      sessions.set(session, account.username);
      return { ok: true, value: { token: session, expiresAt: new Date(Date.now() + 3_600_000).toISOString() }, message: 'Signed in.' };
    },
    async signOut(session) {
      calls.push({ method: 'signOut' });
      sessions.delete(session);
    },
    async requestPasswordReset(email, visitorAddress) {
      calls.push({ method: 'requestPasswordReset', visitorAddress });
      if (!email.includes('@')) return failure(400, 'Please correct the fields marked below.', { email: 'Enter a valid email address.' });
      const account = find(email);
      if (account !== undefined) mail.push({ kind: 'reset', token: token(), username: account.username });
      return { ok: true, value: undefined, message: 'If an account uses that address, a link is on its way.' };
    },
    async resetPassword(input, visitorAddress) {
      calls.push({ method: 'resetPassword', visitorAddress });
      const index = mail.findIndex((entry) => entry.kind === 'reset' && entry.token === input.token);
      const entry = mail[index];
      if (entry === undefined) return failure(404, 'This link has expired or was already used.');
      if (input.password !== input.passwordAgain) return failure(400, 'Please correct the fields marked below.', { passwordAgain: 'You must type the same password each time.' });
      mail.splice(index, 1);
      const account = accounts.get(entry.username);
      if (account !== undefined) account.password = input.password;
      for (const [session, username] of sessions) if (username === entry.username) sessions.delete(session);
      return { ok: true, value: undefined, message: 'Password changed.' };
    },
    async current(session) {
      calls.push({ method: 'current' });
      const account = ofSession(session);
      return account === undefined ? null : publicView(account);
    },
    async updateProfile(session, input) {
      calls.push({ method: 'updateProfile' });
      const account = ofSession(session);
      if (account === undefined) return failure(401, 'Your session has ended. Please sign in again.');
      if (input.username !== account.username && find(input.username) !== undefined) return failure(400, 'Please correct the fields marked below.', { username: 'A user with that username already exists.' });
      accounts.delete(account.username);
      const updated = { ...account, ...input };
      accounts.set(updated.username, updated);
      for (const [key, username] of sessions) if (username === account.username) sessions.set(key, updated.username);
      return { ok: true, value: publicView(updated), message: 'Saved.' };
    },
    async changePassword(session, input) {
      calls.push({ method: 'changePassword' });
      const account = ofSession(session);
      if (account === undefined) return failure(401, 'Your session has ended. Please sign in again.');
      if (input.currentPassword !== account.password) return failure(400, 'Please correct the fields marked below.', { currentPassword: 'This is not your current password.' });
      if (input.password !== input.passwordAgain) return failure(400, 'Please correct the fields marked below.', { passwordAgain: 'You must type the same password each time.' });
      account.password = input.password;
      return { ok: true, value: undefined, message: 'Changed.' };
    },
    async changeEmail(session, input) {
      calls.push({ method: 'changeEmail' });
      const account = ofSession(session);
      if (account === undefined) return failure(401, 'Your session has ended. Please sign in again.');
      if (input.password !== account.password) return failure(400, 'Please correct the fields marked below.', { password: 'This is not your password.' });
      account.pendingEmail = input.email;
      mail.push({ kind: 'verify', token: token(), username: account.username });
      return { ok: true, value: undefined, message: 'Link sent.' };
    },
    async deleteAccount(session, input) {
      calls.push({ method: 'deleteAccount' });
      const account = ofSession(session);
      if (account === undefined) return failure(401, 'Your session has ended. Please sign in again.');
      if (input.password !== account.password) return failure(400, 'Please correct the fields marked below.', { password: 'This is not your password.' });
      accounts.delete(account.username);
      for (const [key, username] of sessions) if (username === account.username) sessions.delete(key);
      return { ok: true, value: undefined, message: 'Deleted.' };
    },
    async publicProfile(username): Promise<PublicProfile | null> {
      calls.push({ method: 'publicProfile' });
      const account = find(username);
      if (account === undefined || !account.publicProfile || !account.verified || account.username.toLowerCase() !== username.toLowerCase()) return null;
      const displayName = `${account.firstName} ${account.lastName}`.trim() || account.username;
      return {
        username: account.username,
        displayName,
        bioHtml: `<p>${account.bio.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')}</p>`,
        location: account.location,
        email: account.emailPrivacy === 'public' ? account.email : null,
        searchVisibility: account.searchVisibility,
        memberSince: 'January 2020',
      };
    },
  };
}
