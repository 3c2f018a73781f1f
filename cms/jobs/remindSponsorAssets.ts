import type { PayloadRequest, TaskConfig } from 'payload'

import { SPONSORSHIP_SETTINGS } from '../../collections/SponsorshipSettings/index'
import type { Sponsorship, SponsorshipAsset } from '../../collections/generated/payload-types'
import { sponsorshipMailFacts } from '../../collections/Sponsorships/hooks/sponsorshipMailFacts'
import { schemaSettingsOf } from '../../collections/settings/schemaSettings'
import { queueMail } from '../mail/queueMail'
import { runExclusively } from './runExclusively'

export const REMIND_SPONSOR_ASSETS_TASK = 'remindSponsorAssets'

/** Assets looked at per run; the next day's run takes any rest. */
const MAX_PER_RUN = 2000
const DAY_MS = 24 * 60 * 60 * 1000
const DEFAULT_DAYS = 14
/** The seed's made-up sponsors are named "... (sample)" (seed/samples/sponsorSamples.ts): nobody reads their mail. */
export const SAMPLE_SPONSOR_MARKER = '(sample)'

function idOf(value: unknown): number | null {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value
  return typeof id === 'number' && Number.isInteger(id) ? id : null
}

/** Whether the sponsor has supplied the asset (the value of its kind is there). */
export function assetFilled(asset: Pick<SponsorshipAsset, 'kind' | 'textValue' | 'urlValue' | 'image'>): boolean {
  if (asset.kind === 'text') return (asset.textValue ?? '').trim() !== ''
  if (asset.kind === 'link') return (asset.urlValue ?? '').trim() !== ''
  return idOf(asset.image) !== null
}

function startOfDayUtc(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
}

/**
 * One run: every missing asset due within the staff's number of days (or overdue) of an approved
 * or finalized sponsorship, not reminded yet today, gets its sponsorship's contacts (and the
 * applicant) one message listing what is missing, and is stamped `lastRemindedAt`. The seed's
 * sample sponsors are skipped. Returns how many messages were queued.
 */
export async function remindSponsorAssets(req: PayloadRequest, now: Date = new Date()): Promise<{ reminded: number; messages: number }> {
  const settings = (await req.payload.findGlobal({ slug: SPONSORSHIP_SETTINGS, depth: 0, overrideAccess: true, req })) as { assetReminderDays?: number | null }
  const days = typeof settings.assetReminderDays === 'number' ? settings.assetReminderDays : DEFAULT_DAYS
  const candidates = await req.payload.find({
    collection: 'sponsorship-assets',
    where: {
      and: [
        { dueDate: { less_than_equal: new Date(now.getTime() + days * DAY_MS).toISOString() } },
        { or: [{ lastRemindedAt: { exists: false } }, { lastRemindedAt: { less_than: startOfDayUtc(now).toISOString() } }] },
        { 'sponsorship.status': { in: ['approved', 'finalized'] } },
      ],
    },
    sort: 'dueDate',
    limit: MAX_PER_RUN,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const missing = new Map<number, SponsorshipAsset[]>()
  for (const asset of candidates.docs) {
    const sponsorshipId = idOf(asset.sponsorship)
    if (sponsorshipId === null || assetFilled(asset)) continue
    missing.set(sponsorshipId, [...(missing.get(sponsorshipId) ?? []), asset])
  }
  let reminded = 0
  let messages = 0
  for (const [sponsorshipId, assets] of missing) {
    const sponsorship = (await req.payload.findByID({ collection: 'sponsorships', id: sponsorshipId, depth: 0, overrideAccess: true, disableErrors: true, req })) as Sponsorship | null
    const sponsorId = idOf(sponsorship?.sponsor)
    const sponsor = sponsorId === null ? null : await req.payload.findByID({ collection: 'sponsors', id: sponsorId, depth: 0, overrideAccess: true, disableErrors: true, req })
    if (sponsorship === null || sponsor === null || sponsor.name.includes(SAMPLE_SPONSOR_MARKER)) continue
    const facts = await sponsorshipMailFacts(req, sponsorship, schemaSettingsOf(req).siteUrl)
    const list = assets.map((asset) => `- ${asset.label} (${asset.kind}), due ${String(asset.dueDate ?? '').slice(0, 10)}`).join('\n')
    for (const to of facts.recipients) {
      await queueMail(req, { template: 'sponsorAssetsReminder', to, values: { ...facts.values, assets: list } })
      messages += 1
    }
    for (const asset of assets) {
      await req.payload.update({ collection: 'sponsorship-assets', id: asset.id, data: { lastRemindedAt: now.toISOString() }, overrideAccess: true, depth: 0, req })
      reminded += 1
    }
  }
  return { reminded, messages }
}

/**
 * The `remindSponsorAssets` task, daily (python.org's `check_sponsorship_assets` notification):
 * mails sponsors about required assets that are missing and due soon or overdue, at most once per
 * asset a day (see remindSponsorAssets).
 */
export function createRemindSponsorAssetsTask(): TaskConfig<{ input: object; output: { reminded: number; messages: number } }> {
  return {
    slug: REMIND_SPONSOR_ASSETS_TASK,
    label: 'Remind sponsors of missing assets',
    retries: 3,
    concurrency: () => REMIND_SPONSOR_ASSETS_TASK,
    outputSchema: [
      { name: 'reminded', type: 'number', required: true },
      { name: 'messages', type: 'number', required: true },
    ],
    handler: async ({ req }) => {
      const output = await runExclusively(req.payload, REMIND_SPONSOR_ASSETS_TASK, (workReq) => remindSponsorAssets(workReq))
      return { output }
    },
  }
}
