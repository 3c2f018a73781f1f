/**
 * Shapes of the documents the renderer reads from the CMS REST API, limited to the fields
 * the renderer uses, as its parsers hand them over (relations as ids, defaults applied).
 *
 * Each parser (parseDocs.ts, parse/) is a zod schema declared over the collection's generated
 * Payload type (collections/generated/payload-types.ts, `import type` only: web/ never loads
 * collections/ at run time) and `satisfies` the shape here: renaming or retyping a field the
 * renderer reads fails the type-check. Adding a field is one line here and one in its schema.
 *
 * Rich-text fields stay Lexical JSON (`unknown`) here; the site shows their `…Html` beside them,
 * which the CMS renders and sanitises when the document is saved (lib/markup, issue 16).
 */

/** A Python release as returned by `GET /api/releases?depth=0`. */
export interface ReleaseDoc {
  readonly id: number;
  /** Display name, e.g. "Python 3.14.7". */
  readonly name: string;
  /** URL slug, e.g. "python-3147". */
  readonly slug: string;
  /** Major Python version: 2 or 3 (100 for the install manager). */
  readonly version: number;
  readonly isLatest: boolean;
  readonly isPublished: boolean;
  readonly preRelease: boolean;
  readonly showOnDownloadPage: boolean;
  /** ISO 8601 timestamp; null when the release has not been dated yet. */
  readonly releaseDate: string | null;
  readonly releaseNotesUrl: string | null;
  readonly releasePageId: number | null;
  /** The rich text's HTML, rendered by the CMS when saved (lib/markup; the renderer reads no source); "" until rendered. */
  readonly contentHtml: string;
}

export interface ReleaseFileDoc {
  readonly id: number;
  readonly name: string;
  readonly slug: string | null;
  readonly description: string | null;
  readonly releaseId: number;
  readonly osId: number;
  readonly isSource: boolean;
  readonly url: string;
  readonly gpgSignatureFile: string | null;
  readonly sigstoreSignatureFile: string | null;
  readonly sigstoreCertFile: string | null;
  readonly sigstoreBundleFile: string | null;
  readonly sbomSpdx2File: string | null;
  readonly md5Sum: string | null;
  readonly sha256Sum: string | null;
  readonly fileSize: number | null;
  readonly downloadButton: boolean;
}

export interface OperatingSystemDoc {
  readonly id: number;
  readonly name: string;
  readonly slug: string;
}

export interface ReleaseCycleDoc {
  readonly cycle: string;
  readonly status: string;
  readonly firstRelease: string;
  readonly endOfLife: string;
  readonly latestReleaseId: number | null;
  readonly pep: number | null;
}

export interface BoxDoc {
  readonly label: string;
  readonly markupType: string;
  readonly content: string;
  /** HTML rendered from it by the CMS when saved (lib/markup); "" until rendered. */
  readonly contentHtml: string;
}

export interface NavigationItemDoc {
  readonly id: number;
  readonly title: string;
  readonly url: string;
  readonly hint: string | null;
  readonly parentId: number | null;
  readonly order: number;
  readonly alias: string | null;
  readonly hidden: boolean;
  readonly inMenu: boolean;
  readonly inBreadcrumbs: boolean;
}

export interface CodeSampleDoc {
  readonly title: string;
  readonly code: string;
  readonly copy: string;
  /** HTML rendered from it by the CMS when saved (lib/markup); "" until rendered. */
  readonly copyHtml: string;
}

export interface BannerDoc {
  readonly title: string;
  readonly message: string;
  readonly link: string | null;
  readonly psfPagesOnly: boolean;
  readonly startsAt: string | null;
  readonly endsAt: string | null;
}

export interface RedirectDoc {
  readonly from: string;
  /** A site path or an http(s) URL; '' when the address is gone (410). */
  readonly to: string;
  readonly permanent: boolean;
  /** exact path, prefix, or a pattern of literal and placeholder segments. */
  readonly match: 'exact' | 'prefix' | 'pattern';
  /** Prefix rules: append what follows the prefix to the target. */
  readonly keepRest: boolean;
}

export interface PageDoc {
  readonly id: number;
  readonly title: string;
  readonly path: string;
  /** The rich text's HTML, rendered by the CMS when saved (lib/markup; the renderer reads no source); "" until rendered. */
  readonly contentHtml: string;
  readonly description: string | null;
  readonly keywords: string | null;
  readonly updatedAt: string | null;
  /** "published" or "draft" (drafts only reach the renderer through previews). */
  readonly status: string;
}

export interface CalendarDoc {
  readonly id: number;
  readonly name: string;
  readonly slug: string;
  readonly description: string | null;
  readonly url: string | null;
  readonly rss: string | null;
}

/** A venue; `calendarId` is null for venues shared by every calendar. */
export interface EventLocationDoc {
  readonly id: number;
  readonly name: string;
  readonly address: string | null;
  readonly url: string | null;
}

export interface EventCategoryDoc {
  readonly id: number;
  readonly name: string;
  readonly slug: string | null;
}

export interface EventOccurrenceDoc {
  readonly start: string;
  readonly end: string;
  readonly allDay: boolean;
}

export interface EventRecurrenceDoc {
  readonly rrule: string;
  readonly start: string;
  readonly durationMinutes: number;
  readonly exdates: string | null;
  readonly allDay: boolean;
}

export interface EventDoc {
  readonly id: number;
  readonly title: string;
  readonly calendarId: number;
  /** The rich text's HTML, rendered by the CMS when saved (lib/markup; the renderer reads no source); "" until rendered. */
  readonly descriptionHtml: string;
  readonly venue: EventLocationDoc | null;
  readonly categories: readonly EventCategoryDoc[];
  readonly featured: boolean;
  readonly occurrences: readonly EventOccurrenceDoc[];
  readonly recurrence: EventRecurrenceDoc | null;
  /** The IANA zone its times are in (`America/New_York`); recurrences expand there. */
  readonly timezone: string;
  readonly cancelled: boolean;
  readonly uid: string | null;
  readonly updatedAt: string | null;
}

export interface StoryCategoryDoc {
  readonly id: number;
  readonly name: string;
  readonly slug: string;
}

export interface StoryDoc {
  readonly id: number;
  readonly name: string;
  readonly slug: string;
  readonly companyName: string;
  readonly companyUrl: string;
  readonly author: string;
  readonly pullQuote: string;
  /** The rich text's HTML, rendered by the CMS when saved (lib/markup; the renderer reads no source); "" until rendered. */
  readonly contentHtml: string;
  readonly categoryId: number | null;
  readonly featured: boolean;
  readonly image: { readonly url: string; readonly alt: string } | null;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
  readonly status: string;
}

/** A post of the Python Insider blog, imported into `news` by the CMS's importBlogFeed job. */
export interface NewsDoc {
  readonly id: number;
  readonly title: string;
  /** The post on the blog: news is listed here, read there. */
  readonly url: string;
  /** Plain text. */
  readonly summary: string | null;
  readonly publishedAt: string;
  readonly author: string | null;
}

/** The envelope Payload wraps around every REST list (find) response. */
export interface PaginatedDocs<TDoc> {
  readonly docs: readonly TDoc[];
  readonly totalDocs: number;
  readonly limit: number;
  readonly page: number;
}

/** PSF Board minutes (published only): the meeting's day and its content. */
export interface MinutesDoc {
  readonly id: number;
  /** The meeting's day, `YYYY-MM-DD`. */
  readonly day: string;
  /** The rich text's HTML, rendered by the CMS when saved (lib/markup; the renderer reads no source); "" until rendered. */
  readonly contentHtml: string;
}

/** A job type or category (the job board's filters). */
export interface JobTaxonDoc {
  readonly id: number;
  readonly name: string;
  readonly slug: string;
  readonly active: boolean;
}

/** A job posting as the public reads it (approved and unexpired: the CMS's access decides). */
export interface JobDoc {
  readonly id: number;
  readonly title: string;
  readonly companyName: string;
  readonly companyDescription: string | null;
  readonly companyDescriptionHtml: string;
  readonly categoryId: number | null;
  readonly typeIds: readonly number[];
  readonly otherJobType: string | null;
  readonly city: string;
  readonly region: string | null;
  readonly country: string;
  readonly locationSlug: string | null;
  readonly remote: boolean;
  readonly agencies: boolean;
  readonly description: string;
  readonly requirements: string;
  /** The three Markdown fields as HTML, rendered by the CMS when saved (lib/markup); "" until rendered. */
  readonly descriptionHtml: string;
  readonly requirementsHtml: string;
  readonly contactName: string | null;
  readonly email: string;
  readonly url: string;
  readonly createdAt: string;
  readonly approvedAt: string | null;
  /** The workflow state: read for the submitter's and the moderators' pages (the public sees approved ones only). */
  readonly status?: string;
  /** The account that posted it, when the CMS says. */
  readonly submittedBy?: number | null;
}

/** One page of a list read. */
export interface DocsPage<T> {
  readonly docs: readonly T[];
  readonly totalDocs: number;
  readonly page: number;
  readonly perPage: number;
}

/** A PSF election (issue 13) as anyone reads it. */
export interface ElectionDoc {
  readonly id: number;
  readonly name: string;
  readonly slug: string;
  readonly date: string;
  readonly nominationsOpenAt: string | null;
  readonly nominationsCloseAt: string | null;
  readonly description: string | null;
  /** HTML rendered from it by the CMS when saved (lib/markup); "" until rendered. */
  readonly descriptionHtml: string;
  readonly hidePreviousService: boolean;
}

/** A nominee the public sees (accepted and approved: the CMS's access decides). */
export interface NomineeDoc {
  readonly id: number;
  readonly electionId: number | null;
  readonly name: string;
  readonly slug: string;
}

/** A nomination as its reader may see it (the address only for its parties). */
export interface NominationDoc {
  readonly id: number;
  readonly electionId: number | null;
  readonly name: string;
  readonly email: string | null;
  readonly employer: string;
  readonly previousService: string | null;
  readonly otherAffiliations: string | null;
  readonly statement: string;
  /** HTML rendered from it by the CMS when saved (lib/markup); "" until rendered. */
  readonly statementHtml: string;
  readonly nominator: number | null;
  readonly nomineeId: number | null;
  readonly nomineeAccount: number | null;
  readonly accepted: boolean;
  readonly approved: boolean;
}

/** One entry of the CMS's logo placement API (python.org's `/api/v2/sponsors/logo-placement/`). */
export interface LogoPlacementDoc {
  readonly publisher: string;
  readonly flight: string;
  readonly sponsor: string;
  readonly sponsorSlug: string;
  readonly levelName: string;
  readonly levelOrder: number;
  readonly description: string;
  readonly logo: string;
  readonly sponsorUrl: string | null;
}

/** A sponsorship level as the public reads it (its logo size on /psf/sponsors/). */
export interface SponsorshipPackageDoc {
  readonly name: string;
  readonly slug: string;
  readonly year: number;
  readonly logoDimension: number;
}
