import type { Role } from './roles'

/** Every staff role: all of them may read every content collection. */
export const STAFF_ROLES: Role[] = ['editor', 'release-manager', 'moderator', 'jobs-moderator', 'psf-staff', 'sponsors-manager']
