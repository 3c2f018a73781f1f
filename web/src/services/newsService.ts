/**
 * News: the latest posts of the Python Insider blog, imported by the CMS (python.org's
 * BlogEntry). The home page lists the five newest; /blogs/ shows the newest large and the
 * next five, as python.org does. Posts are read on the blog: every entry links there.
 */
import type { CmsClient } from '../cms/client';
import type { NewsDoc } from '../cms/types';
import { formatDay, isoDay } from './formatting';

export interface NewsItem {
  readonly title: string;
  readonly url: string;
  readonly summary: string | null;
  readonly author: string | null;
  /** "November 4, 2026" */
  readonly date: string;
  /** "2026-11-04", for <time datetime>. */
  readonly isoDate: string;
}

export interface BlogsPage {
  /** null when nothing has been imported yet. */
  readonly latest: NewsItem | null;
  readonly recent: readonly NewsItem[];
}

export interface NewsService {
  /** The home page's "Latest News": the five newest posts (none before the first import). */
  latest(): Promise<readonly NewsItem[]>;
  blogsPage(): Promise<BlogsPage>;
}

export const HOME_NEWS_COUNT = 5;
/** The large latest post plus python.org's five more. */
const BLOGS_PAGE_COUNT = 6;

export function createNewsService(client: Pick<CmsClient, 'findLatestNews'>): NewsService {
  return {
    async latest() {
      return (await client.findLatestNews(HOME_NEWS_COUNT)).map(newsItem);
    },

    async blogsPage() {
      const [latest, ...recent] = (await client.findLatestNews(BLOGS_PAGE_COUNT)).map(newsItem);
      return { latest: latest ?? null, recent };
    },
  };
}

function newsItem(doc: NewsDoc): NewsItem {
  return {
    title: doc.title,
    url: doc.url,
    summary: doc.summary,
    author: doc.author,
    date: formatDay(doc.publishedAt),
    isoDate: isoDay(doc.publishedAt),
  };
}
