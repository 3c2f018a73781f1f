/**
 * A release's page on the public site, python.org's `/downloads/release/<slug>/`. The release
 * tooling purges exactly this path, so the scheme must not change.
 */
export function releasePagePath(releaseSlug: string): string {
  return `/downloads/release/${encodeURIComponent(releaseSlug)}/`
}
