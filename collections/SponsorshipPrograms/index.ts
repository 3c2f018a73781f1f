import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone'
import { sponsorsManagers } from '../access/sponsorsManagers'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { slugField } from '../fields/slugField'

/**
 * A sponsorship programme (python.org's SponsorshipProgram: Foundation, PyPI, PyCon...): one
 * section of the application form each. Public: the application form and the site show them.
 */
export const SponsorshipPrograms: CollectionConfig = {
  slug: 'sponsorship-programs',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'order'], group: 'Sponsorship' },
  access: { create: sponsorsManagers, read: anyone, update: sponsorsManagers, delete: sponsorsManagers },
  defaultSort: 'order',
  hooks: { beforeChange: [recordAuthors] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 64 },
    slugField('name'),
    { name: 'description', type: 'textarea', maxLength: 2000 },
    { name: 'order', type: 'number', required: true, defaultValue: 0, min: 0, max: 10_000, index: true },
    ...auditFields(),
  ],
}
