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

export function compareNewestFirst(a: ReleaseDoc, b: ReleaseDoc): number {
  const byDate = (b.releaseDate ?? '').localeCompare(a.releaseDate ?? '');
  if (byDate !== 0) return byDate;
  const [va, vb] = [versionNumbers(a.name), versionNumbers(b.name)];
  for (let i = 0; i < Math.max(va.length, vb.length); i += 1) {
    const diff = (vb[i] ?? 0) - (va[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return b.name.localeCompare(a.name);
}
