import type { CollectionConfig } from 'payload'

import { contentAccess } from '../access/contentAccess'
import { auditFields, recordAuthors } from '../fields/auditFields'
import { patternProblem, redirectMatchKinds } from './redirectRules'

/**
 * Admin-editable redirects: django.contrib.redirects (exact paths, consulted before CMS pages
 * and on every 404), plus the prefix and pattern rules python.org keeps in its nginx config,
 * here as records an editor can extend. An empty target answers 410 Gone, as Django's.
 */
export const Redirects: CollectionConfig = {
  slug: 'redirects',
  admin: { useAsTitle: 'from', defaultColumns: ['from', 'match', 'to', 'permanent'], group: 'Content' },
  access: contentAccess({ kind: 'always' }),
  hooks: { beforeChange: [recordAuthors] },
  fields: [
    {
      name: 'from',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      validate: (value: string | null | undefined, { siblingData }: { siblingData: { match?: string } }) => {
        if (typeof value !== 'string' || !/^\/[^\s?#]*$/.test(value)) return 'A redirect starts from a site path like /old/page/ (no query string).'
        if (value.length > 500) return 'A redirect path is at most 500 characters.'
        return siblingData.match === 'pattern' ? (patternProblem(value) ?? true) : true
      },
    },
    {
      name: 'match',
      type: 'select',
      required: true,
      defaultValue: 'exact',
      options: redirectMatchKinds.map((kind) => ({ label: kind, value: kind })),
      admin: {
        description:
          'exact: this path, with or without its trailing slash. prefix: every path starting with it (the longest prefix wins). ' +
          'pattern: segments that are literal or a placeholder, {version} (3.12.0, 3.13.0rc2) or {segment}, e.g. /download/releases/{version}/.',
      },
    },
    {
      name: 'to',
      type: 'text',
      admin: {
        description:
          'A site path or an http(s) URL; empty answers 410 Gone. A pattern may use {version}, {version_nodots} (3120) and {segment}.',
      },
      validate: (value: string | null | undefined) =>
        value === null || value === undefined || value === '' || /^(\/|https?:\/\/)\S*$/.test(value)
          ? true
          : 'A redirect goes to a site path or an http(s) URL, or nowhere (empty: 410 Gone).',
    },
    {
      name: 'keepRest',
      type: 'checkbox',
      defaultValue: false,
      admin: { condition: (data) => data.match === 'prefix', description: 'Append what follows the prefix (and the query string) to the target, as nginx\'s $1.' },
    },
    { name: 'permanent', type: 'checkbox', defaultValue: true, admin: { description: '301 when ticked, 302 otherwise.' } },
    ...auditFields(),
  ],
}
