/**
 * Success stories: the landing page, category pages, one story, the featured story of the
 * home page, and the public submission (forwarded to the CMS, which keeps it as a draft).
 */
import type { CmsClient, StorySubmissionInput, StorySubmissionResult } from '../cms/client';
import type { StoryCategoryDoc, StoryDoc } from '../cms/types';
import { formatDay } from './formatting';

export interface StorySummary {
  readonly name: string;
  readonly path: string;
  readonly companyName: string;
  readonly author: string;
  readonly pullQuote: string;
  readonly categoryName: string | null;
}

export interface StoryCategory {
  readonly name: string;
  readonly slug: string;
  readonly path: string;
}

export interface StoryDetail extends StorySummary {
  readonly companyUrl: string;
  readonly contentHtml: string;
  readonly category: StoryCategory | null;
  readonly image: StoryDoc['image'];
  readonly date: string;
  readonly isDraft: boolean;
}

export interface StoriesLanding {
  readonly latest: readonly StorySummary[];
  readonly categories: readonly { readonly category: StoryCategory; readonly stories: readonly StorySummary[] }[];
}

export interface StoryService {
  landing(): Promise<StoriesLanding>;
  /** null when no category has this slug. */
  category(slug: string): Promise<{ category: StoryCategory; stories: readonly StorySummary[] } | null>;
  story(slug: string): Promise<StoryDetail | null>;
  /** Shapes a story read elsewhere (a preview) like the public page. */
  storyFor(doc: StoryDoc): Promise<StoryDetail>;
  featured(): Promise<StorySummary | null>;
  categories(): Promise<readonly StoryCategory[]>;
  /** `visitorAddress` lets the CMS count the visitor rather than this renderer (see CmsClient.submitStory). */
  submit(input: StorySubmissionInput, visitorAddress?: string): Promise<StorySubmissionResult>;
}

export function createStoryService(client: CmsClient, pick: (count: number) => number = (count) => Math.floor(Math.random() * count)): StoryService {
  async function categoriesById(): Promise<Map<number, StoryCategoryDoc>> {
    return new Map((await client.findStoryCategories()).map((category) => [category.id, category]));
  }

  async function storyFor(doc: StoryDoc): Promise<StoryDetail> {
    const categories = await categoriesById();
    const category = doc.categoryId === null ? undefined : categories.get(doc.categoryId);
    return {
      ...storySummary(doc, categories),
      companyUrl: doc.companyUrl,
      contentHtml: doc.contentHtml,
      category: category === undefined ? null : categoryOf(category),
      image: doc.image,
      date: formatDay(doc.createdAt),
      isDraft: doc.status !== 'published',
    };
  }

  return {
    async landing() {
      const [stories, categories] = await Promise.all([client.findStories({}), categoriesById()]);
      return {
        latest: stories.slice(0, 4).map((story) => storySummary(story, categories)),
        categories: [...categories.values()].map((category) => ({
          category: categoryOf(category),
          stories: stories.filter((story) => story.categoryId === category.id).slice(0, 5).map((story) => storySummary(story, categories)),
        })),
      };
    },

    async category(slug) {
      const categories = await categoriesById();
      const category = [...categories.values()].find((candidate) => candidate.slug === slug);
      if (category === undefined) return null;
      const stories = await client.findStories({ categoryId: category.id });
      return { category: categoryOf(category), stories: stories.map((story) => storySummary(story, categories)) };
    },

    async story(slug) {
      const doc = await client.findStoryBySlug(slug);
      return doc === null ? null : storyFor(doc);
    },

    storyFor,

    async featured() {
      const [stories, categories] = await Promise.all([client.findStories({}), categoriesById()]);
      const featured = stories.filter((story) => story.featured);
      if (featured.length === 0) return null;
      // python.org picks a random featured story; the page is cached, so it changes per purge.
      const story = featured[pick(featured.length)] ?? featured[0];
      return story === undefined ? null : storySummary(story, categories);
    },

    async categories() {
      return [...(await categoriesById()).values()].map(categoryOf);
    },

    submit(input, visitorAddress) {
      return client.submitStory(input, visitorAddress);
    },
  };
}

export function storyPath(slug: string): string {
  return `/success-stories/${encodeURIComponent(slug)}/`;
}

function categoryOf(category: StoryCategoryDoc): StoryCategory {
  return { name: category.name, slug: category.slug, path: `/success-stories/category/${encodeURIComponent(category.slug)}/` };
}

function storySummary(story: StoryDoc, categories: ReadonlyMap<number, StoryCategoryDoc>): StorySummary {
  return {
    name: story.name,
    path: storyPath(story.slug),
    companyName: story.companyName,
    author: story.author,
    pullQuote: story.pullQuote,
    categoryName: story.categoryId === null ? null : (categories.get(story.categoryId)?.name ?? null),
  };
}
