/**
 * What python.org (django-allauth) accepts at sign-up and in the profile form: ASCII usernames of
 * letters, digits and `- _ @ . +` up to 150 characters (Django's ASCIIUsernameValidator), names
 * that its URLs use refused, passwords of 8 (allauth's minimum) to 256 characters. Usernames are
 * kept lower-cased (Payload's loginWithUsername does so), which makes them unique regardless of case.
 */
export const USERNAME_MAX_LENGTH = 150
export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 256
export const EMAIL_MAX_LENGTH = 254
export const NAME_MAX_LENGTH = 150
export const LOCATION_MAX_LENGTH = 200
/** The bio is Markdown shown on the public profile: bounded so rendering it stays cheap. */
export const BIO_MAX_LENGTH = 5000

/** Paths under /users/ that are not profiles (python.org's users/urls.py). */
export const RESERVED_USERNAMES: readonly string[] = ['edit', 'membership', 'nominations', 'sponsorships', 'delete']

const USERNAME_PATTERN = /^[A-Za-z0-9@.+_-]+$/

/** null when acceptable, else the message for the form. */
export function usernameProblem(value: string): string | null {
  if (value === '') return 'Choose a username.'
  if (value.length > USERNAME_MAX_LENGTH) return `Use at most ${USERNAME_MAX_LENGTH} characters.`
  if (!USERNAME_PATTERN.test(value)) return 'Enter a valid username. This value may contain only English letters, numbers, and @/./+/-/_ characters.'
  if (RESERVED_USERNAMES.includes(value.toLowerCase())) return 'This username is not available. Please choose another.'
  return null
}

/** A pragmatic address check (one @, a dotted domain, no spaces): the verification link proves the rest. */
export function emailProblem(value: string): string | null {
  if (value === '') return 'Enter your email address.'
  if (value.length > EMAIL_MAX_LENGTH) return `Use at most ${EMAIL_MAX_LENGTH} characters.`
  if (!/^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/.test(value)) return 'Enter a valid email address.'
  return null
}

export function passwordProblem(value: string): string | null {
  if (value.length < PASSWORD_MIN_LENGTH) return `This password is too short. It must contain at least ${PASSWORD_MIN_LENGTH} characters.`
  if (value.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`
  return null
}

/** Addresses compare lower-cased and trimmed, as Payload stores them. */
export function normalEmail(value: string): string {
  return value.trim().toLowerCase()
}
