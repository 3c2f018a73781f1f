import type { CollectionConfig } from 'payload'

import { contentAccess } from '../access/contentAccess'
import { auditFields, recordAuthors } from '../fields/auditFields'

function validateRequiredHttpUrl(value: string | null | undefined): true | string {
  return typeof value === 'string' && /^https?:\/\/\S+$/.test(value) ? true : 'Enter an absolute http(s) URL.'
}

/**
 * News: posts of the Python Insider blog (python.org's BlogEntry), imported from its feed by the
 * `importBlogFeed` job and keyed by the feed's `guid`. The home page lists the five newest and
 * /blogs/ the latest ones; the posts themselves stay on the blog, so `url` points there.
 */
export const News: CollectionConfig = {
  slug: 'news',
  labels: { singular: 'News entry', plural: 'News' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'publishedAt', 'author'],
    group: 'Content',
    description: 'Imported from the Python Insider blog feed (BLOG_FEED_URL) by the importBlogFeed job.',
  },
  access: contentAccess({ kind: 'always' }),
  defaultSort: '-publishedAt',
  hooks: { beforeChange: [recordAuthors] },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 500 },
    { name: 'url', type: 'text', required: true, unique: true, maxLength: 1000, validate: validateRequiredHttpUrl },
    { name: 'summary', type: 'textarea', maxLength: 2000, admin: { description: 'Plain text: the start of the post.' } },
    {
      name: 'publishedAt',
      type: 'date',
      required: true,
      index: true,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'author', type: 'text', maxLength: 200 },
    {
      name: 'guid',
      type: 'text',
      required: true,
      unique: true,
      maxLength: 1000,
      admin: { position: 'sidebar', description: "The feed entry's guid (or Atom id): the import key." },
    },
    ...auditFields(),
  ],
}
