/**
 * Python releases, as the public pages need them. Turns CMS documents into the small,
 * page-ready shape templates use, so templates never see CMS field names.
 */
import type { CmsClient } from '../cms/client';
import type { ReleaseDoc } from '../cms/types';

export interface ReleaseSummary {
  /** e.g. "Python 3.14.7" */
  readonly name: string;
  readonly slug: string;
  /** Site-relative URL of the release page, e.g. "/downloads/release/python-3147/". */
  readonly path: string;
  /** ISO 8601 timestamp, or null when undated. */
  readonly releaseDate: string | null;
}

export interface ReleaseService {
  /** The latest published Python 3 release, or null when none is flagged latest. */
  latestPython3(): Promise<ReleaseSummary | null>;
}

export function createReleaseService(client: Pick<CmsClient, 'findLatestRelease'>): ReleaseService {
  return {
    async latestPython3() {
      const doc = await client.findLatestRelease(3);
      return doc === null ? null : toReleaseSummary(doc);
    },
  };
}

/** The public URL of a release page; the one place that knows its shape. */
export function releasePagePath(slug: string): string {
  return `/downloads/release/${encodeURIComponent(slug)}/`;
}

function toReleaseSummary(doc: ReleaseDoc): ReleaseSummary {
  return {
    name: doc.name,
    slug: doc.slug,
    path: releasePagePath(doc.slug),
    releaseDate: doc.releaseDate,
  };
}
