/**
 * Shapes of the documents the renderer reads from the CMS REST API.
 *
 * Hand-written for now, limited to the fields the renderer uses. When
 * collections/generated/ exists these may be derived from the generated Payload types
 * (type-only imports: web/ never loads collections/ at run time).
 */

/** A Python release as returned by `GET /api/releases?depth=0`. */
export interface ReleaseDoc {
  readonly id: number;
  /** Display name, e.g. "Python 3.14.7". */
  readonly name: string;
  /** URL slug, e.g. "python-3147". */
  readonly slug: string;
  /** Major Python version: 2 or 3. */
  readonly version: number;
  readonly isLatest: boolean;
  readonly isPublished: boolean;
  readonly preRelease: boolean;
  readonly showOnDownloadPage: boolean;
  /** ISO 8601 timestamp; null when the release has not been dated yet. */
  readonly releaseDate: string | null;
  readonly releaseNotesUrl: string | null;
}

/** The envelope Payload wraps around every REST list (find) response. */
export interface PaginatedDocs<TDoc> {
  readonly docs: readonly TDoc[];
  readonly totalDocs: number;
  readonly limit: number;
  readonly page: number;
}
