/**
 * Turns a zod schema into the parser shape the CMS client uses: `(value, where) => doc`, which
 * throws a TypeError naming the document and field of the first problem (`docs[3]: "url" is
 * not an http(s) URL`). The client turns it into one CmsResponseError, or leaves the one
 * document out of a list (parsePaginatedDocs).
 */
import type { z } from 'zod';

export type DocParser<T> = (value: unknown, where: string) => T;

export function docParser<T>(schema: z.ZodType<T>): DocParser<T> {
  return (value, where) => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    throw new TypeError(describeIssue(result.error.issues[0], where));
  };
}

/** `where.a[2]: "key" message`, or `where.a[2]: expected an object` for a whole value. */
export function describeIssue(issue: z.core.$ZodIssue | undefined, where: string): string {
  if (issue === undefined) return `${where}: is not readable`;
  const path = issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`));
  const last = issue.path.at(-1);
  if (typeof last === 'string' && !issue.message.startsWith('expected')) {
    return `${where}${path.slice(0, -1).join('')}: "${last}" ${issue.message}`;
  }
  return `${where}${path.join('')}: ${issue.message}`;
}
