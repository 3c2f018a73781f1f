import type { PayloadRequest } from 'payload'

/**
 * The few deployment choices the schema depends on. The CMS config reads them from the
 * environment once and hands them over in `config.custom.schema`, so collections never read
 * `process.env` themselves.
 */
export type SchemaSettings = {
  /** Every release file URL starts with this (python.org: https://www.python.org/ftp/python/). */
  releaseFileUrlPrefix: string
  /** Where uploaded images are stored on disk. */
  mediaDir: string
  /** The largest upload accepted, in bytes. */
  uploadMaxBytes: number
  /** Public base URL of the site, without a trailing slash: the admin's preview links point there. */
  siteUrl: string
  /** Session cookies are sent `Secure` (https only): set when the site or the admin is served over https. */
  secureCookies: boolean
  /** ALLOW_FIRST_REGISTER: whether the create-first-user screen may make the first account an admin. */
  allowFirstRegister: boolean
  /**
   * PSF_ANNOUNCE_REQUEST_ADDRESS: the PSF members' announcement list's request address, which a
   * new member who opts in is subscribed through (python.org's MAILING_LIST_PSF_MEMBERS); null: none.
   */
  psfAnnounceRequestAddress: string | null
}

export function schemaSettingsOf(req: PayloadRequest): SchemaSettings {
  const settings = (req.payload.config.custom as { schema?: SchemaSettings } | undefined)?.schema
  if (!settings) throw new Error('The CMS config must set custom.schema (see cms/config/payloadConfig.ts).')
  return settings
}
