import type { StorySubmissionInput } from '../../../web/src/cms/client';

/** A success-story submission every check accepts: the story form's and the CMS client's tests start from it. */
export const validStory: StorySubmissionInput = {
  name: 'Python at Example',
  companyName: 'Example',
  companyUrl: 'https://example.org/',
  categorySlug: 'arts',
  author: 'Ada',
  authorEmail: 'ada@example.org',
  pullQuote: 'It works.',
  content: 'We *love* it.',
};
