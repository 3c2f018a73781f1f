/**
 * Drafts for editors: reads the latest version of a page, release or story with the preview
 * link's token and shapes it like the public page. Access is the CMS's decision: a token that
 * may not read the document (another document, expired, an editor without the right) gets nothing.
 */
import type { CmsClient, PreviewDoc } from '../cms/client';
import type { DownloadService, ReleasePage } from './downloadService';
import type { CmsPage, PageService } from './pageService';
import type { StoryDetail, StoryService } from './storyService';

export type Preview =
  | { readonly collection: 'pages'; readonly page: CmsPage }
  | { readonly collection: 'releases'; readonly releasePage: ReleasePage }
  | { readonly collection: 'success-stories'; readonly story: StoryDetail };

export interface PreviewService {
  preview(collection: PreviewDoc['collection'], id: string, token: string): Promise<Preview | null>;
}

export function createPreviewService(
  client: CmsClient,
  shapers: { downloads: Pick<DownloadService, 'releasePageFor'>; pages: Pick<PageService, 'pageFor'>; stories: Pick<StoryService, 'storyFor'> },
): PreviewService {
  return {
    async preview(collection, id, token) {
      const found = await client.findDraft(collection, id, token);
      if (found === null) return null;
      if (found.collection === 'pages') return { collection: 'pages', page: shapers.pages.pageFor(found.doc) };
      if (found.collection === 'releases') return { collection: 'releases', releasePage: await shapers.downloads.releasePageFor(found.doc) };
      return { collection: 'success-stories', story: await shapers.stories.storyFor(found.doc) };
    },
  };
}
