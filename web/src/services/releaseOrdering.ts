/**
 * How python.org orders and groups releases: "newest first" is by release date, then by
 * version number (3.14.7 after 3.14.6 when both are dated the same day).
 */
import type { ReleaseDoc } from '../cms/types';

/** "Python 3.14.0rc2" -> [3, 14, 0]; names without a version give []. */
export function versionNumbers(name: string): number[] {
  const match = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(name);
  if (match === null) return [];
  return [match[1], match[2], match[3] ?? '0'].map(Number);
}

/** "Python 3.14.7" -> "3.14"; null for the install manager and other unversioned names. */
export function releaseSeries(name: string): string | null {
  const match = /(\d+)\.(\d+)/.exec(name);
  return match === null ? null : `${match[1]}.${match[2]}`;
}

/**
 * The version numbers of a release's name, worked out once per document: sorting the 274
 * published releases compares each one about twenty times, and a cold /downloads/ sorts them
 * twice. Keyed by the document (a read's parsed object), so a purged read's numbers go with it.
 */
const versionsOfRelease = new WeakMap<ReleaseDoc, readonly number[]>();

export function releaseVersionNumbers(release: ReleaseDoc): readonly number[] {
  let numbers = versionsOfRelease.get(release);
  if (numbers === undefined) {
    numbers = versionNumbers(release.name);
    versionsOfRelease.set(release, numbers);
  }
  return numbers;
}

export function compareNewestFirst(a: ReleaseDoc, b: ReleaseDoc): number {
  // Release dates are ISO 8601 timestamps in UTC: their code-unit order is their time order, and
  // this comparison is many times cheaper than localeCompare's collation.
  const [dateA, dateB] = [a.releaseDate ?? '', b.releaseDate ?? ''];
  if (dateA !== dateB) return dateA < dateB ? 1 : -1;
  const [va, vb] = [releaseVersionNumbers(a), releaseVersionNumbers(b)];
  for (let i = 0; i < Math.max(va.length, vb.length); i += 1) {
    const diff = (vb[i] ?? 0) - (va[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return b.name.localeCompare(a.name);
}
