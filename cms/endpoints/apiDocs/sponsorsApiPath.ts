import { LOGO_FLIGHTS, LOGO_PUBLISHERS } from '../../../collections/SponsorshipBenefits/logoPlacement'
import { MAX_YEAR, MIN_YEAR } from '../sponsors/parseLogoPlacementParams'
import { INTERNAL_NAME_MAX } from '../sponsors/sponsorshipAssetsEndpoint'
import type { JsonSchema } from './fieldSchemas'

/** One entry of the logo placement API (cms/endpoints/sponsors/findLogoPlacements.ts). */
export function sponsorsComponents(): Record<string, JsonSchema> {
  const text = { type: 'string' }
  return {
    LogoPlacement: {
      type: 'object',
      properties: {
        publisher: { type: 'string', enum: [...LOGO_PUBLISHERS] },
        flight: { type: 'string', enum: [...LOGO_FLIGHTS] },
        sponsor: text,
        sponsor_id: { type: 'string', description: 'A string, as python.org gives it.' },
        sponsor_slug: text,
        level_name: text,
        level_order: { type: 'integer' },
        description: text,
        logo: { type: 'string', format: 'uri' },
        white_logo: { type: ['string', 'null'], format: 'uri' },
        sponsor_url: { type: ['string', 'null'], format: 'uri' },
        start_date: { type: 'string', format: 'date' },
        end_date: { type: 'string', format: 'date' },
        contacts: { type: 'array', maxItems: 0, description: 'Always empty: python.org lists its contacts\' names and email addresses here; this API gives out no personal data.' },
      },
      required: ['publisher', 'flight', 'sponsor', 'sponsor_id', 'sponsor_slug', 'level_name', 'level_order', 'description', 'logo', 'white_logo', 'sponsor_url', 'start_date', 'end_date', 'contacts'],
    },
    SponsorshipAsset: {
      type: 'object',
      properties: {
        internal_name: text,
        uuid: { type: 'string', description: 'The asset\'s id, as a string (python.org gives a UUID).' },
        value: { type: 'string', description: 'The text, the link, or the image\'s URL; "" when not supplied (listed only with list_empty).' },
        content_type: { type: 'string', enum: ['Sponsorship'] },
        sponsor: text,
        sponsor_slug: text,
      },
      required: ['internal_name', 'uuid', 'value', 'content_type', 'sponsor', 'sponsor_slug'],
    },
    SponsorshipAssetErrors: {
      type: 'object',
      description: 'python.org\'s field errors (one key per bad parameter) and Payload\'s errors list.',
      properties: {
        internal_name: { type: 'array', items: text },
        list_empty: { type: 'array', items: text },
        errors: { type: 'array', items: { type: 'object', properties: { message: text, field: text }, required: ['message'] } },
      },
      required: ['errors'],
    },
    LogoPlacementErrors: {
      type: 'object',
      description: 'python.org\'s field errors (one key per bad parameter) and Payload\'s errors list.',
      properties: {
        publisher: { type: 'array', items: text },
        flight: { type: 'array', items: text },
        year: { type: 'array', items: text },
        errors: { type: 'array', items: { type: 'object', properties: { message: text, field: text }, required: ['message'] } },
      },
      required: ['errors'],
    },
  }
}

/** `GET /api/v2/sponsors/logo-placement/` and `GET /api/v2/sponsors/sponsorship-assets/`. */
export function sponsorsApiPaths(): Record<string, unknown> {
  return {
    '/api/v2/sponsors/logo-placement/': {
      get: {
        tags: ['Sponsors'],
        summary: 'Sponsor logos to show, per publisher and place (python.org\'s logo placement API)',
        description:
          'One entry per logo placement of every finalized sponsorship running today whose sponsor has a published logo, ordered by level. Public and unauthenticated (python.org asks for a token); the path also answers without its trailing slash.',
        operationId: 'sponsorLogoPlacements',
        parameters: [
          { name: 'publisher', in: 'query', required: false, schema: { type: 'string', enum: [...LOGO_PUBLISHERS] } },
          { name: 'flight', in: 'query', required: false, schema: { type: 'string', enum: [...LOGO_FLIGHTS] }, description: 'Where the logo goes (python.org\'s logo_place).' },
          { name: 'year', in: 'query', required: false, schema: { type: 'integer', minimum: MIN_YEAR, maximum: MAX_YEAR }, description: 'Only sponsorships of this year.' },
        ],
        responses: {
          200: { description: 'A bare array, unpaginated.', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/LogoPlacement' } } } } },
          400: { description: 'An unknown publisher or flight, a bad year, or a repeated parameter.', content: { 'application/json': { schema: { $ref: '#/components/schemas/LogoPlacementErrors' } } } },
        },
      },
    },
    '/api/v2/sponsors/sponsorship-assets/': {
      get: {
        tags: ['Sponsors'],
        summary: 'The values of one required sponsor asset (python.org\'s sponsorship assets API)',
        description:
          'The values sponsors supplied for one required asset (by its internal name, e.g. pypi_blurb or web_logo) across the finalized sponsorships running today: texts, links and the URLs of public images. Public and unauthenticated (python.org asks for a token); the path also answers without its trailing slash.',
        operationId: 'sponsorshipAssets',
        parameters: [
          { name: 'internal_name', in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: INTERNAL_NAME_MAX } },
          { name: 'list_empty', in: 'query', required: false, schema: { type: 'boolean', default: false }, description: 'Also list the assets not supplied yet (value "").' },
        ],
        responses: {
          200: { description: 'A bare array, unpaginated.', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/SponsorshipAsset' } } } } },
          400: { description: 'No internal_name, one too long, a list_empty that is not a boolean, or a repeated parameter.', content: { 'application/json': { schema: { $ref: '#/components/schemas/SponsorshipAssetErrors' } } } },
        },
      },
    },
  }
}
