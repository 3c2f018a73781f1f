/**
 * Everything routes may call. createApp() takes a Services object, so route tests pass
 * a fake one and production passes the result of createServices().
 */
import { createCmsClient } from '../cms/client';
import type { CmsReadCache } from '../cms/CmsReadCache';
import type { WebConfig } from '../config';
import type { AccountService } from './accountService';
import { createDownloadService, type DownloadService } from './downloadService';
import { createEventService, type EventService } from './eventService';
import { createHealthService, type HealthService } from './healthService';
import { createNewsService, type NewsService } from './newsService';
import { createPageService, type PageService } from './pageService';
import { createPreviewService, type PreviewService } from './previewService';
import { createReleaseService, type ReleaseService } from './releaseService';
import { createSearchService, type SearchService } from './searchService';
import { createSiteService, type SiteService } from './siteService';
import { createStoryService, type StoryService } from './storyService';
import { unwiredAccountService } from './unwiredAccountService';

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
  readonly accounts: AccountService;
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
    // Merge seam (issue 11): the CMS half replaces this line with its CMS-backed AccountService.
    accounts: unwiredAccountService(),
  };
}
