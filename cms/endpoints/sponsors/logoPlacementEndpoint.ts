import type { Endpoint } from 'payload'

import { schemaSettingsOf } from '../../../collections/settings/schemaSettings'
import { findLogoPlacements } from './findLogoPlacements'
import { parseLogoPlacementParams } from './parseLogoPlacementParams'

/** The path under /api, matched with or without python.org's trailing slash. */
export const LOGO_PLACEMENT_PATH = '/v2/sponsors/logo-placement'

/**
 * `GET /api/v2/sponsors/logo-placement/?publisher=&flight=&year=`: python.org's logo placement
 * API for PyPI, PyCon and the other PSF sites, and the source of the site's own sponsor logos.
 * Public, unlike python.org's (token only): it lists only what python.org shows to everyone
 * (finalized, current sponsorships with published logos) and none of the contacts' data that
 * python.org's leaks. A bad parameter is a 400 with python.org's field errors, and also Payload's
 * `errors` list; an answer is a bare JSON array, as python.org's.
 */
export const logoPlacementEndpoint: Endpoint = {
  path: LOGO_PLACEMENT_PATH,
  method: 'get',
  handler: async (req) => {
    const headers = { 'Cache-Control': 'no-store' }
    const parsed = parseLogoPlacementParams(req.searchParams)
    if (!parsed.ok) {
      const errors = Object.entries(parsed.fieldErrors).map(([field, messages]) => ({ message: `${field}: ${messages.join(' ')}`, field }))
      return Response.json({ ...parsed.fieldErrors, errors }, { status: 400, headers })
    }
    const entries = await findLogoPlacements(req.payload, parsed.query, { siteUrl: schemaSettingsOf(req).siteUrl, serverUrl: req.payload.config.serverURL })
    return Response.json(entries, { headers })
  },
}
