import { describe, expect, it } from 'vitest';
import type { NavigationItemDoc } from '../../../web/src/cms/types';
import { buildBreadcrumbs, buildNavigation } from '../../../web/src/services/navigationTree';

const item = (id: number, title: string, url: string, parentId: number | null, extra: Partial<NavigationItemDoc> = {}): NavigationItemDoc => ({
  id,
  title,
  url,
  hint: null,
  parentId,
  order: id,
  alias: null,
  hidden: false,
  inMenu: true,
  inBreadcrumbs: true,
  ...extra,
});

const items = [
  item(1, 'Python', '/', null, { alias: 'python-meta' }),
  item(2, 'PSF', '/psf-landing/', null),
  item(10, 'Downloads', '/downloads/', 1),
  item(11, 'Windows', '/downloads/windows/', 10),
  item(12, 'Hidden', '/downloads/hidden/', 10, { hidden: true }),
  item(20, 'Contributing', '/dev/', 1, { alias: 'python-footer', hidden: true }),
  item(21, 'Developer Guide', '/dev/guide/', 20),
];

describe('buildNavigation', () => {
  it('builds the top bar from the roots and the main nav from python-meta, hidden items left out', () => {
    const navigation = buildNavigation(items);
    expect(navigation.topBar.map((link) => link.title)).toEqual(['Python', 'PSF']);
    expect(navigation.mainNav.map((link) => link.title)).toEqual(['Downloads']);
    expect(navigation.mainNav[0]?.children.map((link) => link.title)).toEqual(['Windows']);
  });

  it('puts the hidden Contributing branch in the footer only', () => {
    const navigation = buildNavigation(items);
    expect(navigation.footer.map((section) => section.title)).toEqual(['Downloads', 'Contributing']);
    expect(navigation.footer[1]?.children.map((link) => link.title)).toEqual(['Developer Guide']);
  });
});

describe('buildBreadcrumbs', () => {
  it('follows the deepest matching item up to Home', () => {
    expect(buildBreadcrumbs(items, '/downloads/windows/')).toEqual([
      { title: 'Home', url: '/' },
      { title: 'Downloads', url: '/downloads/' },
      { title: 'Windows', url: '/downloads/windows/' },
    ]);
    expect(buildBreadcrumbs(items, '/downloads/release/python-3147/')).toHaveLength(2);
    expect(buildBreadcrumbs(items, '/unknown/')).toEqual([{ title: 'Home', url: '/' }]);
  });
});
