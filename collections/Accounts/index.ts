import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook, CollectionConfig, Field, TextFieldSingleValidation } from 'payload'

import { ACCOUNTS, adminsOnField, adminsOnly, moderatorsOnField, moderatorsOnly, moderatorsOrSelf, nobody, nobodyOnField, updateAccount } from './accountAccess'
import { BIO_MAX_LENGTH, LOCATION_MAX_LENGTH, NAME_MAX_LENGTH, usernameProblem } from './accountRules'
import { TOKEN_FIELDS } from './accountTokens'
import { accountMail } from './accountMail'
import { accountEndpoints } from './endpoints/accountEndpoints'
import { releaseOwnedRecords } from './ownedRecords'
import { refuseNonTextLogins } from '../hooks/refuseNonTextLogins'
import { renderedMarkup } from '../fields/renderedMarkup'
import { bioHtml } from '../../lib/markup/storedMarkup'

/** The bio's HTML for the public profile, rendered when saved (the bios' narrow allowlist). */
const markup = renderedMarkup('accounts', [{ name: 'bioHtml', label: 'Bio HTML', from: ['bio'], source: 'markup', render: bioHtml }])

const validUsername: TextFieldSingleValidation = (value) => (typeof value === 'string' ? (usernameProblem(value) ?? true) : 'Choose a username.')

/** The hidden hash-and-expiry pair of each one-use link (accountTokens): never leaves the CMS. */
const tokenFields: Field[] = Object.values(TOKEN_FIELDS).flatMap(({ hash, expiresAt }): Field[] => [
  { name: hash, type: 'text', hidden: true, index: true, access: { create: nobodyOnField, update: nobodyOnField } },
  { name: expiresAt, type: 'date', hidden: true, access: { create: nobodyOnField, update: nobodyOnField } },
])

/** A deactivated account's sessions end at once (a copied cookie stops working too). */
const endSessionsOnDeactivation: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (data.active === false && originalDoc?.active !== false) data.sessions = []
  return data
}

/**
 * Staff re-send an unverified account's link from the admin by ticking `resendVerification` and
 * saving (a virtual field: never stored, only moderators and admins may set it); the message is
 * queued in the save's transaction. POST /api/accounts/<id>/resend-verification does the same.
 */
const resendVerificationOnRequest: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation === 'update' && data.resendVerification === true && originalDoc?.emailVerified !== true && typeof originalDoc?.id === 'number') {
    await accountMail.verify(req, { id: originalDoc.id, email: String(data.email ?? originalDoc.email), username: String(originalDoc.username) })
  }
  delete data.resendVerification
  return data
}

/** Records the account owns elsewhere are deleted or detached first (ownedRecords), in the same transaction. */
const releaseOwned: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await releaseOwnedRecords(req, Number(id))
}

/**
 * Visitors' accounts (python.org's `users.User` for the public: sign-up, profile, sign-in), a
 * Payload auth collection apart from the staff `users`, whose session never opens the admin.
 * Sign-in by username or email (Payload's loginWithUsername), Payload's lockout after 5 wrong
 * passwords and its sessions (so signing out revokes the token). Payload's own auth endpoints
 * are closed for it (endpoints/closedAuthEndpoints): visitors go through the account endpoints,
 * which are limited, verify email addresses with hashed one-use links and never tell whether an
 * address has an account.
 */
export function createAccounts(options: { secureCookies: boolean }): CollectionConfig {
  return {
    slug: ACCOUNTS,
    labels: { singular: 'Account', plural: 'Accounts' },
    admin: {
      useAsTitle: 'username',
      defaultColumns: ['username', 'email', 'emailVerified', 'active', 'createdAt'],
      group: 'Admin',
      description: 'Visitors\' accounts on the site. They come from sign-up only; moderators may deactivate one, only admins delete.',
    },
    auth: {
      loginWithUsername: { allowEmailLogin: true, requireEmail: true, requireUsername: true },
      maxLoginAttempts: 5,
      lockTime: 10 * 60 * 1000,
      // Two weeks, as Django's default session; the renderer's cookie expires with it.
      tokenExpiration: 14 * 24 * 60 * 60,
      useSessions: true,
      // The renderer keeps the session in its own cookie on the site's origin; a Payload cookie
      // is never set for accounts (the endpoints answer JSON), but should one be, it is this.
      cookies: { sameSite: 'Lax', secure: options.secureCookies },
    },
    access: {
      admin: () => false,
      create: nobody,
      read: moderatorsOrSelf,
      update: updateAccount,
      delete: adminsOnly,
      unlock: moderatorsOnly,
    },
    custom: markup.custom,
    hooks: {
      beforeValidate: [refuseNonTextLogins('accounts', ['username', 'email']), markup.beforeValidate],
      beforeChange: [endSessionsOnDeactivation, resendVerificationOnRequest, markup.beforeChange],
      beforeDelete: [releaseOwned],
    },
    endpoints: accountEndpoints,
    // Payload's GraphQL would add its own sign-in, reset and verification mutations, past the
    // account endpoints' rules; the site uses REST.
    graphQL: false,
    fields: [
      {
        name: 'username',
        type: 'text',
        maxLength: 150,
        validate: validUsername,
        access: { update: adminsOnField },
        admin: { description: 'Public, in the profile URL /users/<username>/; kept lower-cased, so unique whatever the case.' },
      },
      { name: 'email', type: 'email', access: { update: ({ req }) => adminsOnly({ req }) === true } },
      {
        name: 'pendingEmail',
        type: 'email',
        admin: { readOnly: true, description: 'A new address waiting for its confirmation link.' },
        access: { create: nobodyOnField, update: nobodyOnField },
      },
      { name: 'firstName', type: 'text', maxLength: NAME_MAX_LENGTH },
      { name: 'lastName', type: 'text', maxLength: NAME_MAX_LENGTH },
      { name: 'bio', type: 'textarea', maxLength: BIO_MAX_LENGTH, admin: { description: 'Markdown, shown on the public profile.' } },
      ...markup.fields,
      { name: 'location', type: 'text', maxLength: LOCATION_MAX_LENGTH },
      { name: 'publicProfile', type: 'checkbox', defaultValue: true, admin: { description: 'Whether /users/<username>/ shows this profile.' } },
      { name: 'searchVisibility', type: 'checkbox', defaultValue: true, admin: { description: 'Whether search engines may index the public profile.' } },
      {
        name: 'emailPrivacy',
        type: 'select',
        defaultValue: 'nobody',
        required: true,
        options: [
          { label: 'Everyone', value: 'public' },
          { label: 'Signed-in visitors', value: 'accounts' },
          { label: 'Nobody', value: 'nobody' },
        ],
      },
      {
        name: 'emailVerified',
        type: 'checkbox',
        defaultValue: false,
        admin: { position: 'sidebar', readOnly: true, description: 'Nothing the account does counts until its address is confirmed.' },
        access: { create: nobodyOnField, update: nobodyOnField },
      },
      { name: 'verifiedAt', type: 'date', admin: { position: 'sidebar', readOnly: true }, access: { create: nobodyOnField, update: nobodyOnField } },
      {
        name: 'active',
        type: 'checkbox',
        defaultValue: true,
        admin: { position: 'sidebar', description: 'Clear to deactivate: the account can no longer sign in and its profile is hidden.' },
        access: { create: nobodyOnField, update: moderatorsOnField },
      },
      {
        name: 'resendVerification',
        type: 'checkbox',
        virtual: true,
        label: 'Send the verification link again',
        admin: {
          position: 'sidebar',
          description: 'Tick and save: the account is mailed a new link (the older one stops working).',
          condition: (data) => data?.emailVerified !== true,
        },
        access: { create: nobodyOnField, update: moderatorsOnField },
      },
      { name: 'lastSignInAt', type: 'date', admin: { position: 'sidebar', readOnly: true }, access: { create: nobodyOnField, update: nobodyOnField } },
      ...tokenFields,
    ],
  }
}
