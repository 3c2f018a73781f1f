import type { CollectionConfig } from 'payload'

import { allowRoles } from '../../access/allowRoles'
import { anyone } from '../../access/anyone'

type CollectionAccess = NonNullable<CollectionConfig['access']>

/** Elections are public facts; PSF staff (and admins) set them up. */
export const electionAccess: CollectionAccess = {
  create: allowRoles('psf-staff'),
  read: anyone,
  update: allowRoles('psf-staff'),
  delete: allowRoles('psf-staff'),
}
