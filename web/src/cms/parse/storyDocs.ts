/** Parsers for success stories and their categories. */
import type { StoryCategoryDoc, StoryDoc } from '../types';
import {
  asObject,
  optionalBoolean,
  optionalRelationId,
  optionalRichText,
  optionalString,
  requireNumber,
  requireString,
} from './fieldReaders';

export function parseStoryCategoryDoc(value: unknown, where: string): StoryCategoryDoc {
  const fields = asObject(value, where);
  return {
    id: requireNumber(fields, 'id', where),
    name: requireString(fields, 'name', where),
    slug: requireString(fields, 'slug', where),
  };
}

export function parseStoryDoc(value: unknown, where: string): StoryDoc {
  const fields = asObject(value, where);
  return {
    id: requireNumber(fields, 'id', where),
    name: requireString(fields, 'name', where),
    slug: requireString(fields, 'slug', where),
    companyName: requireString(fields, 'companyName', where),
    companyUrl: requireString(fields, 'companyUrl', where),
    author: requireString(fields, 'author', where),
    pullQuote: optionalString(fields, 'pullQuote', where) ?? '',
    content: optionalRichText(fields, 'content', where),
    contentHtml: optionalString(fields, 'contentHtml', where) ?? '',
    categoryId: optionalRelationId(fields, 'category', where),
    featured: optionalBoolean(fields, 'featured', where),
    image: parseImage(fields['image'], `${where}.image`),
    createdAt: optionalString(fields, 'createdAt', where),
    updatedAt: optionalString(fields, 'updatedAt', where),
    status: optionalString(fields, '_status', where) ?? 'published',
  };
}

function parseImage(value: unknown, where: string): StoryDoc['image'] {
  if (value === undefined || value === null || typeof value === 'number') return null;
  const fields = asObject(value, where);
  const url = optionalString(fields, 'url', where);
  return url === null ? null : { url, alt: optionalString(fields, 'alt', where) ?? '' };
}
