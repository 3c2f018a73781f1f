/** Parsers for success stories and their categories. */
import { z } from 'zod';

import type { Media, StoryCategory, SuccessStory } from '../../../../collections/generated/payload-types';
import type { StoryCategoryDoc, StoryDoc } from '../types';
import { docParser } from './docParser';
import { fieldsOf, finiteNumber, optionalBoolean, optionalString, relationId, requiredString, stringOr } from './schemaFields';

export const parseStoryCategoryDoc = docParser(
  fieldsOf<StoryCategory>()({
    id: finiteNumber,
    name: requiredString,
    slug: requiredString,
  }) satisfies z.ZodType<StoryCategoryDoc>,
);

// Read at depth 1: an id alone means the upload could not be populated, shown as no image.
const image = z.preprocess(
  (value) => (typeof value === 'number' ? null : value),
  fieldsOf<Media>()({ url: optionalString, alt: stringOr('') })
    .nullish()
    .transform((media) => (media === undefined || media === null || media.url === null ? null : { url: media.url, alt: media.alt })),
);

export const parseStoryDoc = docParser(
  fieldsOf<SuccessStory>()({
    id: finiteNumber,
    name: requiredString,
    slug: requiredString,
    companyName: requiredString,
    companyUrl: requiredString,
    author: requiredString,
    pullQuote: stringOr(''),
    contentHtml: stringOr(''),
    category: relationId,
    featured: optionalBoolean,
    image,
    createdAt: optionalString,
    updatedAt: optionalString,
    _status: stringOr('published'),
  }).transform(({ category, _status, ...doc }) => ({ ...doc, categoryId: category, status: _status })) satisfies z.ZodType<StoryDoc>,
);
