import type { GlobalConfig } from 'payload'

import { anyone } from '../access/anyone'
import { sponsorsManagers } from '../access/sponsorsManagers'

export const SPONSORSHIP_SETTINGS = 'sponsorship-settings'

/**
 * The sponsorship staff's settings of the application form (python.org's SponsorshipCurrentYear
 * and its closed form): which year's packages and benefits are offered, and when applications
 * are taken. Public to read (the form says when it is open); sponsors managers and admins edit it.
 */
export const SponsorshipSettings: GlobalConfig = {
  slug: SPONSORSHIP_SETTINGS,
  label: 'Sponsorship settings',
  admin: { group: 'Sponsorship' },
  access: { read: anyone, update: sponsorsManagers },
  fields: [
    { name: 'applicationYear', type: 'number', min: 2022, max: 2050, admin: { description: 'The year whose packages and benefits the application form offers.' } },
    {
      type: 'row',
      fields: [
        { name: 'applicationsOpenFrom', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' }, description: 'Blank: the form is closed.' } },
        { name: 'applicationsCloseAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' }, description: 'Blank: open until closed by hand.' } },
      ],
    },
    { name: 'closedMessage', type: 'textarea', maxLength: 1000, admin: { description: 'Shown on the form while it is closed (plain text).' } },
    { name: 'assetReminderDays', type: 'number', min: 0, max: 365, defaultValue: 14, admin: { description: 'The daily reminder writes about missing assets due within this many days (and overdue ones).' } },
  ],
}
