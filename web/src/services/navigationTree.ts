/**
 * python.org's menu tree (django-sitetree) built from the flat navigation items: the top
 * bar (the roots), the main nav (the children of `python-meta`, each with its submenu), the
 * footer sitemap, and breadcrumbs for any path.
 */
import type { NavigationItemDoc } from '../cms/types';

export interface NavLink {
  readonly title: string;
  readonly url: string;
  readonly hint: string | null;
  readonly children: readonly NavLink[];
}

export interface Navigation {
  readonly topBar: readonly NavLink[];
  readonly mainNav: readonly NavLink[];
  readonly footer: readonly NavLink[];
}

export interface Breadcrumb {
  readonly title: string;
  readonly url: string;
}

const MAIN_ROOT_ALIAS = 'python-meta';
/** The hidden "Contributing" branch python.org shows only in the footer. */
const FOOTER_ONLY_ALIAS = 'python-footer';

export function buildNavigation(items: readonly NavigationItemDoc[]): Navigation {
  const children = childrenByParent(items);
  const link = (item: NavigationItemDoc, depth: number): NavLink => ({
    title: item.title,
    url: item.url,
    hint: item.hint,
    children: depth > 0 ? (children.get(item.id) ?? []).filter(visible).map((child) => link(child, depth - 1)) : [],
  });
  const roots = (children.get(null) ?? []).filter(visible);
  const mainRoot = roots.find((item) => item.alias === MAIN_ROOT_ALIAS);
  const level1 = mainRoot === undefined ? [] : (children.get(mainRoot.id) ?? []);
  return {
    topBar: roots.map((item) => link(item, 0)),
    mainNav: level1.filter((item) => visible(item) && item.alias !== FOOTER_ONLY_ALIAS).map((item) => link(item, 1)),
    footer: level1.filter((item) => item.inMenu || item.alias === FOOTER_ONLY_ALIAS).map((item) => ({
      ...link(item, 0),
      children: (children.get(item.id) ?? []).filter((child) => !child.hidden).map((child) => link(child, 0)),
    })),
  };
}

/**
 * The trail to the deepest item whose URL is the path or its closest parent path (python.org
 * marks the current item the same way). Home is always first.
 */
export function buildBreadcrumbs(items: readonly NavigationItemDoc[], path: string): Breadcrumb[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  let best: NavigationItemDoc | undefined;
  for (const item of items) {
    if (!item.url.startsWith('/') || item.url === '/' || !item.inBreadcrumbs) continue;
    if (path === item.url || path.startsWith(item.url)) {
      if (best === undefined || item.url.length > best.url.length) best = item;
    }
  }
  const trail: Breadcrumb[] = [];
  const seen = new Set<number>();
  for (let item = best; item !== undefined && !seen.has(item.id); item = item.parentId === null ? undefined : byId.get(item.parentId)) {
    seen.add(item.id);
    if (item.url !== '/' && item.inBreadcrumbs) trail.unshift({ title: item.title, url: item.url });
  }
  return [{ title: 'Home', url: '/' }, ...trail];
}

function visible(item: NavigationItemDoc): boolean {
  return !item.hidden && item.inMenu;
}

function childrenByParent(items: readonly NavigationItemDoc[]): Map<number | null, NavigationItemDoc[]> {
  const map = new Map<number | null, NavigationItemDoc[]>();
  for (const item of [...items].sort((a, b) => a.order - b.order || a.id - b.id)) {
    map.set(item.parentId, [...(map.get(item.parentId) ?? []), item]);
  }
  return map;
}
