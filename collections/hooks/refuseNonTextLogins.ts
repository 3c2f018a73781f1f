import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

/** The message for each login field that is not text. */
const MESSAGES = { username: 'Choose a username.', email: 'Enter a valid email address.' } as const

/**
 * A username or address that is not text is refused (a 400) before Payload's own auth fields
 * lower-case them: their beforeChange hooks call toLowerCase on whatever came, and an object there
 * was a 500 (bad-input fuzz seed 1167069961). For every auth collection, with the login fields it has.
 */
export function refuseNonTextLogins(collection: string, fields: readonly (keyof typeof MESSAGES)[]): CollectionBeforeValidateHook {
  return ({ data }) => {
    for (const field of fields) {
      const value: unknown = data?.[field]
      if (value !== undefined && value !== null && typeof value !== 'string') {
        throw new ValidationError({ collection, errors: [{ path: field, message: MESSAGES[field] }] })
      }
    }
    return data
  }
}
