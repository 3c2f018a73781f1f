import type { Payload, PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { logoPlacementEndpoint } from '../../../cms/endpoints/sponsors/logoPlacementEndpoint'
import { tinyPng } from '../../support/accessFixtures'
import { createTestPayload } from '../../support/testPayload'

const DAY_MS = 24 * 60 * 60 * 1000
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString()

/**
 * python.org's logo placement API (GET /api/v2/sponsors/logo-placement/) on real Postgres: only
 * finalized sponsorships running today, of sponsors with a published logo, one entry per
 * placement, python.org's filters and JSON shape, no contact data, field errors for bad input.
 */
describe('the logo placement API', () => {
  let payload: Payload

  async function call(query: string): Promise<{ status: number; body: unknown; cacheControl: string | null }> {
    const handler = logoPlacementEndpoint.handler
    const response = await handler({ payload, searchParams: new URLSearchParams(query) } as unknown as PayloadRequest)
    return { status: response.status, body: await response.json(), cacheControl: response.headers.get('cache-control') }
  }

  beforeAll(async () => {
    payload = await createTestPayload('logo_placement', { SITE_URL: 'https://www.example.org' })
    const png = await tinyPng()
    const logo = async (name: string) => (await payload.create({ collection: 'media', data: { alt: name }, file: { data: png, mimetype: 'image/png', name: `${name}.png`, size: png.length } })).id
    const programId = (await payload.create({ collection: 'sponsorship-programs', data: { name: 'Foundation' } as never })).id
    const visionary = (await payload.create({ collection: 'sponsorship-packages', data: { name: 'Visionary', slug: 'visionary', year: 2026, sponsorshipAmount: 160_000, order: 0 } as never })).id
    const supporting = (await payload.create({ collection: 'sponsorship-packages', data: { name: 'Supporting', slug: 'supporting', year: 2026, sponsorshipAmount: 15_000, order: 3 } as never })).id
    const benefit = async (name: string, logoPlacements: Record<string, unknown>[]) =>
      (await payload.create({ collection: 'sponsorship-benefits', data: { name, program: programId, year: 2026, logoPlacements } as never })).id
    const onSite = await benefit('Logo on python.org', [{ publisher: 'psf', flight: 'sponsors' }, { publisher: 'psf', flight: 'download' }])
    const onPypi = await benefit('Logo on PyPI', [{ publisher: 'pypi', flight: 'sidebar', linkToSponsorsPage: true, describeAsSponsor: true }])
    const sameAsOnSite = await benefit('Logo on the sponsors page again', [{ publisher: 'psf', flight: 'sponsors' }])
    const sponsor = async (name: string, withLogo: boolean) =>
      (
        await payload.create({
          collection: 'sponsors',
          data: {
            name,
            description: `${name} makes things.`,
            landingPageUrl: `https://${name.toLowerCase().replace(/\W/g, '')}.example.com/`,
            ...(withLogo ? { webLogo: await logo(name) } : {}),
            contacts: [{ name: 'Secret Person', email: `secret-${name.length}@example.com`, primary: true }],
          },
        })
      ).id
    const sponsorship = async (sponsorId: number, packageId: number, status: string, start: number, end: number, benefits: number[]) =>
      payload.create({
        collection: 'sponsorships',
        data: { sponsor: sponsorId, package: packageId, year: 2026, status, startDate: iso(start), endDate: iso(end), sponsorshipFee: 1000, benefits: benefits.map((id) => ({ benefit: id })) } as never,
        context: { skipSponsorshipMail: true },
      })
    // Finalized by the system (the seed's way): the finalize hook publishes the logo.
    await sponsorship(await sponsor('Zeta Corp', true), supporting, 'finalized', -10, 300, [onSite])
    await sponsorship(await sponsor('Alpha Inc', true), visionary, 'finalized', -10, 300, [onSite, onPypi, sameAsOnSite])
    await sponsorship(await sponsor('Approved Only', true), visionary, 'approved', -10, 300, [onSite])
    await sponsorship(await sponsor('Ended Ltd', true), visionary, 'finalized', -400, -1, [onSite])
    await sponsorship(await sponsor('Future Ltd', true), visionary, 'finalized', 5, 300, [onSite])
    await sponsorship(await sponsor('No Logo Ltd', false), visionary, 'finalized', -10, 300, [onSite])
    // A renewal: the newer sponsorship of the same sponsor wins (python.org's overlapped_by).
    const renewed = await sponsor('Renewed Co', true)
    await sponsorship(renewed, visionary, 'finalized', -200, 100, [onSite])
    await sponsorship(renewed, supporting, 'finalized', -5, 300, [onSite])
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  it('lists one entry per placement of the finalized, current sponsorships with a published logo, by level, in python.org\'s shape', async () => {
    const answer = await call('')
    expect([answer.status, answer.cacheControl]).toEqual([200, 'no-store'])
    const entries = answer.body as Record<string, unknown>[]
    expect(entries.map((entry) => [entry.sponsor, entry.level_name, entry.publisher, entry.flight])).toEqual([
      ['Alpha Inc', 'Visionary', 'psf', 'download'],
      ['Alpha Inc', 'Visionary', 'psf', 'sponsors'],
      ['Alpha Inc', 'Visionary', 'pypi', 'sidebar'],
      ['Renewed Co', 'Supporting', 'psf', 'download'],
      ['Renewed Co', 'Supporting', 'psf', 'sponsors'],
      ['Zeta Corp', 'Supporting', 'psf', 'download'],
      ['Zeta Corp', 'Supporting', 'psf', 'sponsors'],
    ])
    const first = entries[0]
    expect(Object.keys(first).sort()).toEqual(
      ['publisher', 'flight', 'sponsor', 'sponsor_id', 'sponsor_slug', 'level_name', 'level_order', 'description', 'logo', 'white_logo', 'sponsor_url', 'start_date', 'end_date', 'contacts'].sort(),
    )
    expect(first).toMatchObject({ sponsor_slug: 'alpha-inc', level_order: 0, description: 'Alpha Inc makes things.', white_logo: null, sponsor_url: 'https://alphainc.example.com/', contacts: [] })
    expect(typeof first.sponsor_id).toBe('string')
    expect(String(first.logo)).toMatch(/^https?:\/\/[^/]+\/api\/media\/file\/[^/]+\.png$/)
    expect(first.start_date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    // No contact's name or address anywhere (python.org's API gives them out).
    expect(JSON.stringify(entries)).not.toMatch(/secret|Secret Person/)
  })

  it('filters by publisher, flight and year as python.org does, and describes and links as the placement says', async () => {
    const pypi = (await call('publisher=pypi')).body as Record<string, unknown>[]
    expect(pypi).toEqual([
      expect.objectContaining({
        sponsor: 'Alpha Inc',
        flight: 'sidebar',
        description: 'Alpha Inc is a Visionary sponsor of the Python Software Foundation.',
        sponsor_url: 'https://www.example.org/psf/sponsors/#alpha-inc',
      }),
    ])
    const downloads = (await call('publisher=psf&flight=download')).body as Record<string, unknown>[]
    expect(downloads.map((entry) => entry.sponsor)).toEqual(['Alpha Inc', 'Renewed Co', 'Zeta Corp'])
    expect(((await call('year=2025')).body as unknown[]).length).toBe(0)
    expect(((await call('year=2026&flight=sponsors')).body as unknown[]).length).toBe(3)
  })

  it('refuses unknown choices, bad years and repeated parameters with python.org\'s field errors', async () => {
    const bad = await call('publisher=python&flight=sky&year=20x6')
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.body as object).sort()).toEqual(['errors', 'flight', 'publisher', 'year'])
    expect((bad.body as { publisher: string[] }).publisher[0]).toContain('"python" is not one of the available choices')
    expect((await call('year=1999')).status).toBe(400)
    expect((await call('publisher=psf&publisher=pypi')).status).toBe(400)
    // Parameters python.org does not know are ignored.
    expect((await call('limit=5&where[x]=1')).status).toBe(200)
  })
})
