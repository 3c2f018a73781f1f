import path from 'node:path'

import { type DjangoFixtureRow, readDjangoFixture } from './readDjangoFixture'
import { resolveDjangoUrlName } from './djangoUrlNames'
import { normalizeNavigationUrl } from './normalizeNavigationUrl'
import { SourceDataError } from './SourceDataError'

export const NAVIGATION_SOURCE_FILE = path.join('pythondotorg', 'sitetree_menus.json')

const TREE_MODEL = 'sitetree.tree'
const ITEM_MODEL = 'sitetree.treeitem'

export interface NavigationItemRecord {
  /** The item's pk in python.org's sitetree. */
  legacyId: number
  title: string
  /** A site path (`/about/`) or an absolute http(s) URL. */
  url: string
  /** Shown as the link's title attribute; "" when python.org has none. */
  hint: string
  parentLegacyId: number | null
  /** python.org's `sort_order`: siblings are shown by ascending order. */
  order: number
  /** A stable key templates look items up by (`python-meta`, `python-footer`, ...). */
  alias: string | null
  hidden: boolean
  inMenu: boolean
  inBreadcrumbs: boolean
}

/** sitetree's per-item visibility rules; python.org uses none of them. */
const ACCESS_FLAGS = ['access_loggedin', 'access_guest', 'access_restricted'] as const

function readItem(row: DjangoFixtureRow): NavigationItemRecord {
  const { fields } = row
  for (const flag of ACCESS_FLAGS) {
    // Dropping such a rule would show a members-only link to everyone, so refuse instead.
    if (fields.has(flag) && fields.boolean(flag)) throw fields.problem(`sets ${flag}, which the new menu does not support`)
  }
  // Titles such as "Donations " carry stray spaces in the fixture.
  const title = fields.nonEmptyString('title').trim()
  const rawUrl = fields.nonEmptyString('url')
  const isUrlName = fields.boolean('urlaspattern')
  const url = fields.withRecordContext(() =>
    isUrlName ? resolveDjangoUrlName(rawUrl.trim(), title) : normalizeNavigationUrl(rawUrl),
  )
  return {
    legacyId: row.pk,
    title,
    url,
    hint: fields.string('hint'),
    parentLegacyId: fields.nullableInteger('parent'),
    order: fields.integer('sort_order'),
    alias: fields.nullableString('alias') || null,
    hidden: fields.boolean('hidden'),
    inMenu: fields.boolean('inmenu'),
    inBreadcrumbs: fields.boolean('inbreadcrumbs'),
  }
}

/**
 * Parents before their children, siblings by `order` then id, so an importer can create the
 * items in one pass. Throws on a parent that does not exist and on cycles.
 */
function parentsFirst(items: readonly NavigationItemRecord[], file: string): NavigationItemRecord[] {
  const ids = new Set(items.map((item) => item.legacyId))
  const childrenOf = new Map<number | null, NavigationItemRecord[]>()
  for (const item of items) {
    if (item.parentLegacyId !== null && !ids.has(item.parentLegacyId)) {
      throw new SourceDataError(file, `${ITEM_MODEL} pk=${item.legacyId}`, `parent ${item.parentLegacyId} does not exist`)
    }
    const siblings = childrenOf.get(item.parentLegacyId) ?? []
    siblings.push(item)
    childrenOf.set(item.parentLegacyId, siblings)
  }
  const ordered: NavigationItemRecord[] = []
  const visit = (parentLegacyId: number | null): void => {
    const children = [...(childrenOf.get(parentLegacyId) ?? [])].sort((a, b) => a.order - b.order || a.legacyId - b.legacyId)
    for (const child of children) {
      ordered.push(child)
      visit(child.legacyId)
    }
  }
  visit(null)
  if (ordered.length !== items.length) {
    const unreachable = items.filter((item) => !ordered.includes(item)).map((item) => item.legacyId)
    throw new SourceDataError(file, null, `items ${unreachable.join(', ')} form a parent cycle`)
  }
  return ordered
}

/**
 * Reads python.org's menu tree (django-sitetree): its single tree row is skipped, each item's
 * URL becomes a site path or absolute URL, and items come parents first.
 */
export async function readNavigationSource(dataDir: string): Promise<NavigationItemRecord[]> {
  const file = path.join(dataDir, NAVIGATION_SOURCE_FILE)
  const rows = await readDjangoFixture(file)
  const treeIds = new Set(rows.filter((row) => row.model === TREE_MODEL).map((row) => row.pk))
  const items = rows
    .filter((row) => row.model !== TREE_MODEL)
    .map((row) => {
      if (row.model !== ITEM_MODEL) throw row.fields.problem(`expected only ${TREE_MODEL} and ${ITEM_MODEL} rows`)
      const tree = row.fields.integer('tree')
      if (!treeIds.has(tree)) throw row.fields.problem(`tree ${tree} does not exist`)
      return readItem(row)
    })
  return parentsFirst(items, file)
}
