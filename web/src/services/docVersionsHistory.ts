/**
 * What /doc/versions/ needs beyond the Release rows, as python.org's page has it: the releases
 * whose documentation was never published on docs.python.org (listing them would give dead
 * links), and the releases from 1.4 to 2.2 that predate the release records but whose
 * documentation is still online.
 */

/** Versions ("2.4.6") with no documentation at docs.python.org/release/<version>/. */
export const RELEASES_WITHOUT_DOCS: ReadonlySet<string> = new Set(['2.3.6', '2.3.7', '2.4.5', '2.4.6', '2.5.5', '2.5.6']);

export interface LegacyDocRelease {
  readonly series: string;
  readonly version: string;
  /** ISO 8601 day the documentation was released. */
  readonly date: string;
}

/** Newest first within each series, as the page lists them. */
export const LEGACY_DOC_RELEASES: readonly LegacyDocRelease[] = [
  { series: '2.2', version: '2.2p1', date: '2002-03-29T00:00:00Z' },
  { series: '2.1', version: '2.1.2', date: '2002-01-16T00:00:00Z' },
  { series: '2.1', version: '2.1.1', date: '2001-07-20T00:00:00Z' },
  { series: '2.1', version: '2.1', date: '2001-04-15T00:00:00Z' },
  { series: '2.0', version: '2.0', date: '2000-10-16T00:00:00Z' },
  { series: '1.6', version: '1.6', date: '2000-09-05T00:00:00Z' },
  { series: '1.5', version: '1.5.2p2', date: '2000-03-22T00:00:00Z' },
  { series: '1.5', version: '1.5.2p1', date: '1999-07-06T00:00:00Z' },
  { series: '1.5', version: '1.5.2', date: '1999-04-30T00:00:00Z' },
  { series: '1.5', version: '1.5.1p1', date: '1998-08-06T00:00:00Z' },
  { series: '1.5', version: '1.5.1', date: '1998-04-14T00:00:00Z' },
  { series: '1.5', version: '1.5', date: '1998-02-17T00:00:00Z' },
  { series: '1.4', version: '1.4', date: '1996-10-25T00:00:00Z' },
];
