/** Parser for news entries (posts of the Python Insider blog). */
import type { NewsDoc } from '../types';
import { asObject, optionalString, requireNumber, requireString } from './fieldReaders';

export function parseNewsDoc(value: unknown, where: string): NewsDoc {
  const fields = asObject(value, where);
  const url = requireString(fields, 'url', where);
  // The site links to it: anything but an absolute http(s) URL (javascript:, data:) is refused.
  if (!/^https?:\/\//i.test(url)) throw new TypeError(`${where}: "url" is not an http(s) URL`);
  return {
    id: requireNumber(fields, 'id', where),
    title: requireString(fields, 'title', where),
    url,
    summary: optionalString(fields, 'summary', where),
    publishedAt: requireString(fields, 'publishedAt', where),
    author: optionalString(fields, 'author', where),
  };
}
