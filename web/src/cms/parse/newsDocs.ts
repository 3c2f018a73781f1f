/** Parser for news entries (posts of the Python Insider blog). */
import type { NewsDoc } from '../types';
import { asObject, optionalString, requireHttpUrl, requireNumber, requireString } from './fieldReaders';

export function parseNewsDoc(value: unknown, where: string): NewsDoc {
  const fields = asObject(value, where);
  const url = requireHttpUrl(fields, 'url', where);
  return {
    id: requireNumber(fields, 'id', where),
    title: requireString(fields, 'title', where),
    url,
    summary: optionalString(fields, 'summary', where),
    publishedAt: requireString(fields, 'publishedAt', where),
    author: optionalString(fields, 'author', where),
  };
}
