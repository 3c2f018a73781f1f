/**
 * Everything routes may call. createApp() takes a Services object, so route tests pass
 * a fake one and production passes the result of createServices().
 */
import { createCmsClient } from '../cms/client';
import type { CmsReadCache } from '../cms/CmsReadCache';
import type { WebConfig } from '../config';
import type { AccountService } from './accountService';
import { createAccountService } from './createAccountService';
import { createDownloadService, type DownloadService } from './downloadService';
import { createEventService, type EventService } from './eventService';
import { createHealthService, type HealthService } from './healthService';
import { createJobPostingService } from './createJobPostingService';
import type { JobPostingService } from './jobPostingService';
import { createJobService, type JobService } from './jobService';
import { createMembershipService } from './createMembershipService';
import type { MembershipService } from './membershipService';
import { createMinutesService, type MinutesService } from './minutesService';
import { createNewsService, type NewsService } from './newsService';
import { createNominationService, type NominationService } from './nominationService';
import { createPageService, type PageService } from './pageService';
import { createPreviewService, type PreviewService } from './previewService';
import { createReleaseService, type ReleaseService } from './releaseService';
import { createSearchService, type SearchService } from './searchService';
import { createSiteService, type SiteService } from './siteService';
import { createSponsorService, type SponsorService } from './sponsorService';
import { createSponsorshipService } from './createSponsorshipService';
import type { SponsorshipService } from './sponsorshipService';
import { createStoryService, type StoryService } from './storyService';

export interface Services {
  readonly releases: ReleaseService;
  readonly downloads: DownloadService;
  readonly site: SiteService;
  readonly events: EventService;
  readonly stories: StoryService;
  readonly news: NewsService;
  readonly pages: PageService;
  readonly preview: PreviewService;
  readonly health: HealthService;
  readonly search: SearchService;
  readonly minutes: MinutesService;
  readonly jobs: JobService;
  /** The job board's personal half (issue 12): posting, editing, "my jobs" and the moderators' queue, as the visitor's account. */
  readonly jobPostings: JobPostingService;
  /** Visitors' accounts (issue 11): sign-up, sign-in, the account pages, public profiles. */
  readonly accounts: AccountService;
  /** PSF elections and nominations (issue 13). */
  readonly nominations: NominationService;
  /** PSF sponsors' logos (issue 17). */
  readonly sponsors: SponsorService;
  /** PSF membership (issue 13): sign-up, edit, vote affirmation, leaving, for the signed-in account. */
  readonly memberships: MembershipService;
  /** PSF sponsorship's personal half (issue 17): the application form and the sponsor's dashboard. */
  readonly sponsorships: SponsorshipService;
}

export function createServices(config: Pick<WebConfig, 'cmsUrl' | 'cmsTimeoutMs'> & Partial<Pick<WebConfig, 'purgeSecret'>>, readCache?: CmsReadCache): Services {
  const cms = createCmsClient({ baseUrl: config.cmsUrl, timeoutMs: config.cmsTimeoutMs, readCache, rendererKey: config.purgeSecret ?? null });
  const downloads = createDownloadService(cms);
  const pages = createPageService(cms);
  const stories = createStoryService(cms);
  return {
    releases: createReleaseService(cms),
    downloads,
    site: createSiteService(cms),
    events: createEventService(cms),
    stories,
    news: createNewsService(cms),
    pages,
    preview: createPreviewService(cms, { downloads, pages, stories }),
    health: createHealthService(cms),
    search: createSearchService(cms),
    minutes: createMinutesService(cms),
    jobs: createJobService(cms),
    jobPostings: createJobPostingService(cms),
    accounts: createAccountService(cms),
    nominations: createNominationService(cms),
    sponsors: createSponsorService(cms),
    memberships: createMembershipService(cms),
    sponsorships: createSponsorshipService(cms),
  };
}
