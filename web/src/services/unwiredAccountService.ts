/**
 * MERGE SEAM, not an implementation (issue 11): the site's account pages were built on the
 * AccountService contract while the CMS half (the `accounts` collection, its endpoints and the
 * CMS-backed AccountService) was built on another branch. Until both are merged, createServices
 * wires this: every call answers as an unreachable CMS does (CmsUnavailableError), so the account
 * pages show the 503 page and the header widget keeps its Sign In links, and nothing pretends to
 * work. At the merge, createServices takes the real service and this file is deleted.
 */
import { CmsUnavailableError } from '../cms/errors';
import type { AccountService } from './accountService';

export function unwiredAccountService(): AccountService {
  const unavailable = (): never => {
    throw new CmsUnavailableError('accounts are not wired: the CMS-backed AccountService is not merged yet', '/api/accounts');
  };
  return {
    signUp: async () => unavailable(),
    verifyEmail: async () => unavailable(),
    signIn: async () => unavailable(),
    signOut: async () => unavailable(),
    requestPasswordReset: async () => unavailable(),
    resetPassword: async () => unavailable(),
    current: async () => unavailable(),
    updateProfile: async () => unavailable(),
    changePassword: async () => unavailable(),
    changeEmail: async () => unavailable(),
    deleteAccount: async () => unavailable(),
    publicProfile: async () => unavailable(),
  };
}
