import type { CollectionConfig } from 'payload'

import { auditFields, recordAuthors } from '../fields/auditFields'
import { validateOptionalHttpUrl } from '../fields/validateOptionalHttpUrl'
import { REQUIRED_ASSET_KINDS } from '../SponsorshipBenefits/logoPlacement'
import { sponsorshipAssetAccess } from './sponsorshipAssetAccess'

export const SPONSORSHIP_ASSETS = 'sponsorship-assets'
/** Bounds of what a sponsor types in. */
export const ASSET_TEXT_MAX = 5000
export const ASSET_URL_MAX = 1000

/**
 * What a sponsorship's benefits ask its sponsor for (python.org's RequiredImgAsset,
 * RequiredTextAsset and RequiredResponseAsset with their ImgAsset / TextAsset values): one row
 * per sponsorship and required asset of its benefits as sold, created when the sponsorship is
 * approved or finalized (hooks/syncSponsorshipAssets), filled by the sponsor's contacts on the
 * dashboard (/users/sponsorships/<id>/), reminded of daily while missing (cms/jobs/remindSponsorAssets).
 */
export const SponsorshipAssets: CollectionConfig = {
  slug: SPONSORSHIP_ASSETS,
  admin: { useAsTitle: 'label', defaultColumns: ['label', 'sponsorship', 'kind', 'dueDate', 'submittedAt'], group: 'Sponsorship' },
  access: sponsorshipAssetAccess,
  defaultSort: 'dueDate',
  hooks: { beforeChange: [recordAuthors] },
  fields: [
    { name: 'sponsorship', type: 'relationship', relationTo: 'sponsorships', required: true, index: true },
    {
      type: 'row',
      fields: [
        { name: 'kind', type: 'select', required: true, options: REQUIRED_ASSET_KINDS.map((value) => ({ value, label: value })) },
        { name: 'internalName', type: 'text', required: true, maxLength: 128, index: true },
        { name: 'dueDate', type: 'date', index: true, admin: { date: { pickerAppearance: 'dayOnly' } } },
      ],
    },
    { name: 'benefitName', type: 'text', maxLength: 1024 },
    { name: 'label', type: 'text', required: true, maxLength: 256 },
    { name: 'helpText', type: 'textarea', maxLength: 1000 },
    { name: 'textValue', type: 'textarea', maxLength: ASSET_TEXT_MAX, admin: { condition: (data) => data?.kind === 'text' } },
    { name: 'urlValue', type: 'text', maxLength: ASSET_URL_MAX, validate: validateOptionalHttpUrl, admin: { condition: (data) => data?.kind === 'link' } },
    { name: 'image', type: 'upload', relationTo: 'media', admin: { condition: (data) => data?.kind === 'image' } },
    {
      type: 'row',
      fields: [
        { name: 'submittedAt', type: 'date', index: true, admin: { readOnly: true, description: 'When a contact last filled it.' } },
        { name: 'submittedByAccount', type: 'number', admin: { readOnly: true } },
        { name: 'lastRemindedAt', type: 'date', admin: { readOnly: true, description: 'When the daily reminder last wrote about it.' } },
      ],
    },
    ...auditFields(),
  ],
}
