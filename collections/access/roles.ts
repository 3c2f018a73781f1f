/** The staff roles python.org's content system knows. `admin` has every right of every role. */
export const ROLES = ['admin', 'editor', 'release-manager', 'moderator', 'jobs-moderator', 'psf-staff', 'sponsors-manager'] as const

export type Role = (typeof ROLES)[number]

/** The shape of `req.user` this project relies on: any authenticated user document. */
export type RoleHolder = { id: number | string; roles?: Role[] | null; collection?: string } | null | undefined

/** True when the user holds any of `allowed`, or is an admin. Anonymous users hold nothing. */
export function hasRole(user: RoleHolder, ...allowed: Role[]): boolean {
  const held = user?.roles ?? []
  return held.includes('admin') || held.some((role) => allowed.includes(role))
}
