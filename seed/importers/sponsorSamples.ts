import type { Payload } from 'payload'
import sharp from 'sharp'

import { SPONSOR_BENEFIT_SAMPLES, SPONSOR_PACKAGE_SAMPLES, SPONSOR_PROGRAM_SAMPLES, SPONSOR_SAMPLES, type SponsorSample } from '../samples/sponsorSamples'
import type { UpsertTally } from '../upsertTally'
import { loadByKey, upsertByKey } from './upsertByKey'

const DAY = 24 * 60 * 60 * 1000

/** A plain logo for a sample sponsor: its initials on its colour, drawn by sharp (no download, no binary in the repo). */
async function sampleLogo(sponsor: SponsorSample): Promise<Buffer> {
  const initials = sponsor.name.replace(/\(sample\)/, '').split(/\s+/).filter(Boolean).map((word) => word[0]).join('').slice(0, 3)
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect width="400" height="200" rx="24" fill="${sponsor.colour}"/><text x="200" y="128" font-family="sans-serif" font-size="96" font-weight="bold" text-anchor="middle" fill="#ffffff">${initials}</text></svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

/**
 * The sponsorship samples (seed/samples/sponsorSamples.ts) for the current year: programmes and
 * packages upserted by slug; benefits (by name), sample sponsors (by slug) with a generated logo,
 * and one finalized sponsorship each for the year, created only when absent (their lists of
 * placements, assets and contacts are staff's to edit, and a second run changes nothing). Written by the system (no user): the workflow lets server code store a finalized
 * sample directly, and the finalizing hook publishes the logos; no mail is sent. The application
 * window (the sponsorship-settings global) is opened for the year when staff have not set it.
 */
export async function importSponsorSamples(payload: Payload, tally: UpsertTally, today: Date, tick: () => void): Promise<void> {
  const year = today.getUTCFullYear()
  const programs = await loadByKey(payload, 'sponsorship-programs', 'slug')
  for (const program of SPONSOR_PROGRAM_SAMPLES) {
    await upsertByKey(payload, { collection: 'sponsorship-programs', existing: programs, key: 'slug', tally, data: { ...program } })
    tick()
  }
  // Packages are per year: their key is the slug within the year.
  const packages = new Map([...(await loadByKey(payload, 'sponsorship-packages', 'id')).values()].filter((doc) => doc.year === year).map((doc) => [String(doc.slug), doc]))
  for (const level of SPONSOR_PACKAGE_SAMPLES) {
    await upsertByKey(payload, { collection: 'sponsorship-packages', existing: packages, key: 'slug', tally, data: { ...level, year, advertise: true } })
    tick()
  }
  const benefits = await loadByKey(payload, 'sponsorship-benefits', 'name')
  for (const [order, benefit] of SPONSOR_BENEFIT_SAMPLES.entries()) {
    if (benefits.has(benefit.name)) {
      tally.unchanged += 1
      tick()
      continue
    }
    await upsertByKey(payload, {
      collection: 'sponsorship-benefits',
      existing: benefits,
      key: 'name',
      tally,
      data: {
        name: benefit.name,
        program: programs.get(benefit.program)?.id,
        packages: benefit.packages.map((slug) => packages.get(slug)?.id).filter((id) => id !== undefined),
        year,
        order,
        internalValue: benefit.internalValue,
        logoPlacements: benefit.logoPlacements,
        requiredAssets: benefit.requiredAssets.map(({ dueInDays, ...asset }) => ({ ...asset, dueDate: new Date(Date.UTC(year, 0, 1) + dueInDays * DAY).toISOString() })),
      },
    })
    tick()
  }

  const media = await loadByKey(payload, 'media', 'alt')
  const sponsors = await loadByKey(payload, 'sponsors', 'slug')
  const sponsorships = await loadByKey(payload, 'sponsorships', 'label')
  for (const sample of SPONSOR_SAMPLES) {
    const alt = `${sample.name} logo`
    let logo = media.get(alt)
    if (!logo) {
      const data = await sampleLogo(sample)
      logo = (await payload.create({ collection: 'media', data: { alt }, file: { data, mimetype: 'image/png', name: `${sample.slug}.png`, size: data.length }, overrideAccess: true, depth: 0, context: { skipSitePurge: true } })) as unknown as typeof logo
      media.set(alt, logo!)
      tally.created += 1
    } else {
      tally.unchanged += 1
    }
    const known = sponsors.get(sample.slug)
    if (known !== undefined) tally.unchanged += 1
    const sponsor =
      known ??
      (await upsertByKey(payload, {
        collection: 'sponsors',
        existing: sponsors,
        key: 'slug',
        tally,
        data: {
          slug: sample.slug,
          name: sample.name,
          description: sample.description,
          landingPageUrl: sample.landingPageUrl,
          webLogo: logo!.id,
          contacts: [{ name: 'Sample Contact', email: `sponsorship@${new URL(sample.landingPageUrl).hostname}`, primary: true }],
        },
      }))
    const label = `${sample.name} - ${year}`
    if (!sponsorships.has(label)) {
      const level = packages.get(sample.packageSlug)
      await payload.create({
        collection: 'sponsorships',
        data: {
          sponsor: sponsor.id,
          package: level?.id,
          year,
          status: 'finalized',
          startDate: new Date(Date.UTC(year, 0, 1, 12)).toISOString(),
          endDate: new Date(Date.UTC(year, 11, 31, 12)).toISOString(),
          sponsorshipFee: level?.sponsorshipAmount,
          benefits: sample.benefits.map((name) => ({ benefit: benefits.get(name)?.id })).filter((row) => row.benefit !== undefined),
        } as never,
        overrideAccess: true,
        depth: 0,
        context: { skipSitePurge: true, skipSponsorshipMail: true },
      })
      tally.created += 1
    } else {
      tally.unchanged += 1
    }
    tick()
  }

  // The application form for the year, open from its first day, unless staff have set it up already.
  const settings = await payload.findGlobal({ slug: 'sponsorship-settings', depth: 0, overrideAccess: true })
  if (settings.applicationYear == null) {
    await payload.updateGlobal({ slug: 'sponsorship-settings', data: { applicationYear: year, applicationsOpenFrom: new Date(Date.UTC(year, 0, 1)).toISOString() }, overrideAccess: true, depth: 0 })
    tally.created += 1
  } else {
    tally.unchanged += 1
  }
}

/** How many ticks importSponsorSamples makes, for the progress bar. */
export const SPONSOR_SAMPLE_STEPS = SPONSOR_PROGRAM_SAMPLES.length + SPONSOR_PACKAGE_SAMPLES.length + SPONSOR_BENEFIT_SAMPLES.length + SPONSOR_SAMPLES.length
