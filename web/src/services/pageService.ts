/**
 * What the catch-all route serves after the fixed routes: a CMS redirect, a CMS page (a
 * path without its trailing slash gets a 301 to it, as Django's APPEND_SLASH), or nothing.
 */
import type { CmsClient } from '../cms/client';
import type { PageDoc, RedirectDoc } from '../cms/types';
import { matchRedirectRule } from './redirectRules';

export interface CmsPage {
  readonly title: string;
  readonly path: string;
  readonly description: string | null;
  readonly keywords: string | null;
  readonly contentHtml: string;
  readonly isDraft: boolean;
}

export type Redirection =
  | { readonly kind: 'redirect'; readonly location: string; readonly status: 301 | 302 }
  /** A redirect record with no target: python.org (Django's redirects app) answers 410. */
  | { readonly kind: 'gone' };

export type Resolution = Redirection | { readonly kind: 'page'; readonly page: CmsPage } | { readonly kind: 'none' };

export interface PageService {
  /** `search` is the request's query string with its "?" ('' when none). */
  resolve(path: string, search?: string): Promise<Resolution>;
  /**
   * The redirect table alone, as python.org consults it on every 404 (an app route's too):
   * the exact path, then it with or without its trailing slash, then the prefix and pattern
   * rules. null when nothing matches.
   */
  redirectFor(path: string, search?: string): Promise<Redirection | null>;
  /** Shapes a page read elsewhere (a preview) like the public page. */
  pageFor(doc: PageDoc): CmsPage;
  /** Every published page, for the sitemap. */
  publishedPaths(): Promise<readonly { path: string; updatedAt: string | null }[]>;
}

/**
 * python.org's page paths: lower-case letters, digits, `-` and `.`, in segments, the last one
 * with or without its slash. Each segment but the last must end in "/": the former
 * `(?:[a-z0-9.-]+\/?)*` let a long segment split in exponentially many ways, and one address
 * like `/blogs/aaaa...a/x/über/` kept a renderer process busy for good (ReDoS).
 */
const PAGE_PATH = /^\/(?:[a-z0-9.-]+\/)*[a-z0-9.-]*$/;

export function createPageService(client: CmsClient): PageService {
  async function redirectFor(path: string, search = ''): Promise<Redirection | null> {
    const other = path.endsWith('/') ? path.slice(0, -1) : `${path}/`;
    const spellings = other === '' ? [path] : [path, other];
    const [exact, rules] = await Promise.all([client.findRedirects(spellings), client.findRedirectRules()]);
    // The path as asked first, as Django's RedirectFallbackMiddleware.
    const record = exact.find((doc) => doc.from === path) ?? exact.find((doc) => doc.from === other);
    if (record !== undefined) return redirection(record, record.to);
    const matched = matchRedirectRule(path, search, rules);
    return matched === null ? null : redirection(matched.rule, matched.location);
  }

  return {
    redirectFor,

    async resolve(path, search = '') {
      const isPagePath = PAGE_PATH.test(path) && !path.split('/').some((segment) => segment === '.' || segment === '..');
      const pagePath = path.endsWith('/') ? path : `${path}/`;
      // Both reads at once: a cold page costs one CMS round trip, not two.
      const [redirect, page] = await Promise.all([redirectFor(path, search), isPagePath ? client.findPageByPath(pagePath) : Promise.resolve(null)]);
      if (redirect !== null) return redirect;
      if (page === null) return { kind: 'none' };
      if (pagePath !== path) return { kind: 'redirect', location: pagePath, status: 301 };
      return { kind: 'page', page: pageFor(page) };
    },

    pageFor,

    async publishedPaths() {
      return (await client.findPublishedPages()).map((page) => ({ path: page.path, updatedAt: page.updatedAt }));
    },
  };
}

function redirection(rule: RedirectDoc, location: string): Redirection {
  if (location === '') return { kind: 'gone' };
  return { kind: 'redirect', location, status: rule.permanent ? 301 : 302 };
}

function pageFor(doc: PageDoc): CmsPage {
  return {
    title: doc.title,
    path: doc.path,
    description: doc.description,
    keywords: doc.keywords,
    // Pages are written by staff and python.org does not sanitise them.
    contentHtml: doc.contentHtml,
    isDraft: doc.status !== 'published',
  };
}
