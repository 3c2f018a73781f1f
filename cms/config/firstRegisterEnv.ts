import { z } from 'zod'

import { checked, readEnvWhole, type Environment } from '../../lib/env/envSchema'

/** `true` or `false` in any case, blanks around ignored; unset or blank is the default. */
const allowFirstRegisterSchema = z
  .object({
    ALLOW_FIRST_REGISTER: checked(
      (raw) => ['', 'true', 'false'].includes(raw.trim().toLowerCase()),
      (raw) => `ALLOW_FIRST_REGISTER must be true or false, got "${raw}".`,
    ).optional(),
    NODE_ENV: z.string().optional(),
  })
  .transform((vars) => {
    const value = vars.ALLOW_FIRST_REGISTER?.trim().toLowerCase()
    return value === undefined || value === '' ? vars.NODE_ENV !== 'production' : value === 'true'
  })

/**
 * ALLOW_FIRST_REGISTER: whether Payload's create-first-user screen (`POST
 * /api/users/first-register`, which makes the first account of an empty database an admin) is
 * open. Default: open on a developer machine, closed when NODE_ENV=production, where anyone who
 * reaches the CMS first would own it (issue 18). `true` or `false`; anything else stops start-up.
 */
export function parseAllowFirstRegister(env: Environment): boolean {
  return readEnvWhole(allowFirstRegisterSchema, env)
}
