/**
 * Paths for the Django URL names python.org's menu fixture uses (`urlaspattern: true` items).
 *
 * Each path is what python.org's own `reverse()` produced on the live site, checked against
 * python/pythondotorg `pydotorg/urls.py` and `apps/jobs/urls.py` and the rendered menus.
 * A name missing here throws in `resolveDjangoUrlName`, so a new fixture cannot slip a broken
 * link into the menu: add the name here, with where its path comes from.
 */

/** A path for every item, or, where python.org's target is a placeholder, one per item title. */
type DjangoUrlNameTarget = string | { readonly byTitle: Readonly<Record<string, string>> }

export const DJANGO_URL_NAME_PATHS: Readonly<Record<string, DjangoUrlNameTarget>> = {
  // pydotorg/urls.py: `^$` -> IndexView.
  home: '/',
  // pydotorg/urls.py: the PSF landing page; the live footer links "/psf-landing/".
  'psf-landing': '/psf-landing/',
  // pydotorg/urls.py: `^about/$`.
  about: '/about/',
  // The `download` namespace is mounted at `^downloads/`; `download` is its index.
  'download:download': '/downloads/',
  // pydotorg/urls.py: `^doc/$` -> DocumentationIndexView.
  documentation: '/doc/',
  // The live menu links "News" to /blogs/ (the old /blog/ answers with a permanent redirect there).
  blog: '/blogs/',
  // `inner` is a design-mockup page (python/inner.html), used as a placeholder target by two
  // hidden Events items. We point each at the page its title means on python.org instead.
  inner: {
    byTitle: {
      // The live Community menu's "Python Conferences" item.
      'Python Conferences': '/community/workshops/',
      // python.org has no schedule page of its own; the release schedule PEPs are indexed here.
      'Release Schedule': 'https://peps.python.org/topic/release/',
    },
  },
  // apps/jobs/urls.py (namespace `jobs`, mounted at `^jobs/`). Note the plural list paths.
  'jobs:job_list': '/jobs/',
  'jobs:job_types': '/jobs/types/',
  'jobs:job_categories': '/jobs/categories/',
  'jobs:job_locations': '/jobs/locations/',
  'jobs:job_create': '/jobs/create/',
}

/** The path for a Django URL name; `itemTitle` picks the target of a per-title name. */
export function resolveDjangoUrlName(name: string, itemTitle: string): string {
  const target = Object.hasOwn(DJANGO_URL_NAME_PATHS, name) ? DJANGO_URL_NAME_PATHS[name] : undefined
  if (target === undefined) {
    throw new Error(`Unknown Django URL name "${name}" (item "${itemTitle}"): add its path to seed/sources/djangoUrlNames.ts.`)
  }
  if (typeof target === 'string') return target
  const byTitle = Object.hasOwn(target.byTitle, itemTitle) ? target.byTitle[itemTitle] : undefined
  if (byTitle === undefined) {
    throw new Error(
      `Django URL name "${name}" has no path for an item titled "${itemTitle}": add one to seed/sources/djangoUrlNames.ts.`,
    )
  }
  return byTitle
}
