/**
 * What every page shares: the navigation tree, breadcrumbs, the banner where python.org shows one, and boxes
 * (python.org's `{% box 'label' %}`), with box HTML passed through the allowlist.
 */
import type { CmsClient } from '../cms/client';
import type { BoxDoc } from '../cms/types';
import { buildBreadcrumbs, buildNavigation, type Breadcrumb, type Navigation } from './navigationTree';

export interface Banner {
  readonly title: string;
  readonly message: string;
  readonly link: string | null;
}

export interface PageChrome {
  readonly navigation: Navigation;
  readonly breadcrumbs: readonly Breadcrumb[];
  readonly banner: Banner | null;
  /** Sanitised supernav box HTML (`<li>` fragments) by main-menu URL, for the menu's panels. */
  readonly supernav: Readonly<Record<string, string>>;
}

/**
 * The box python.org's script loads into each main-menu panel (`/box/supernav-python-<x>/`),
 * by the menu item's URL. Rendered on the server here: the panels work without script.
 */
export const SUPERNAV_BOXES: Readonly<Record<string, string>> = {
  '/about/': 'supernav-python-about',
  '/downloads/': 'supernav-python-downloads',
  '/doc/': 'supernav-python-documentation',
  '/community/': 'supernav-python-community',
  '/success-stories/': 'supernav-python-success-stories',
  '/blogs/': 'supernav-python-blog',
  '/events/': 'supernav-python-events',
};

/** The home page's boxes (python.org's `{% box %}` tags in its index template). */
export const HOME_BOX_LABELS = [
  'homepage-introduction',
  'homepage-get-started',
  'homepage-downloads',
  'homepage-documentation',
  'homepage-jobs',
  'widget-use-python-for',
  'widget-about-psf',
] as const;

/** The boxes of /downloads/. */
export const DOWNLOAD_BOX_LABELS = ['download-sources', 'download-otherreleases', 'download-pgp'] as const;

/**
 * Boxes read together, in one CMS read that every page shares (the read cache keeps one answer,
 * and concurrent renders share the read in flight): the menu panels every page's chrome shows,
 * and the boxes of the two busiest pages. A cold home or downloads page then reads its boxes
 * and its menu panels in one request, not two, and after a box changes one read serves them all.
 */
const SHARED_BOX_LABELS: readonly string[] = [...new Set([...Object.values(SUPERNAV_BOXES), ...HOME_BOX_LABELS, ...DOWNLOAD_BOX_LABELS])].sort();
const sharedBoxLabelSet = new Set(SHARED_BOX_LABELS);

/**
 * Which banner a page shows, as python.org's templates: the home and downloads pages render
 * the first active banner that is not for PSF pages only (render_active_banner), PSF pages the
 * first active banner of any kind (render_active_psf_banner), every other page none.
 */
export type BannerPlacement = 'site' | 'psf' | 'none';

export interface SiteService {
  /** Navigation, breadcrumbs for `path` and the banner its placement shows. */
  chrome(path: string, placement?: BannerPlacement): Promise<PageChrome>;
  /** Sanitised HTML of each box found, by label (missing boxes are absent, as on python.org). */
  boxes(labels: readonly string[]): Promise<Readonly<Record<string, string>>>;
  /** The home page slideshow: up to 5 published samples, the copy sanitised. */
  codeSamples(): Promise<readonly { readonly title: string; readonly code: string; readonly copyHtml: string }[]>;
}

export function createSiteService(client: CmsClient, now: () => Date = () => new Date()): SiteService {
  /** The boxes with these labels: from the shared read when it holds them all. */
  async function findBoxes(labels: readonly string[]): Promise<readonly BoxDoc[]> {
    if (!labels.every((label) => sharedBoxLabelSet.has(label))) return client.findBoxes(labels);
    const wanted = new Set(labels);
    return (await client.findBoxes(SHARED_BOX_LABELS)).filter((box) => wanted.has(box.label));
  }

  return {
    async chrome(path, placement = 'none') {
      const [items, banners, boxes] = await Promise.all([
        client.findNavigationItems(),
        placement === 'none' ? Promise.resolve([]) : client.findActiveBanners(),
        findBoxes(Object.values(SUPERNAV_BOXES)),
      ]);
      const boxByLabel = new Map(boxes.map((box) => [box.label, box]));
      const supernav = Object.fromEntries(
        Object.entries(SUPERNAV_BOXES).flatMap(([url, label]) => {
          const box = boxByLabel.get(label);
          return box === undefined ? [] : [[url, box.contentHtml]];
        }),
      );
      const time = now().getTime();
      const banner = banners.find(
        (candidate) =>
          (placement === 'psf' || !candidate.psfPagesOnly) &&
          (candidate.startsAt === null || Date.parse(candidate.startsAt) <= time) &&
          (candidate.endsAt === null || Date.parse(candidate.endsAt) > time),
      );
      return {
        navigation: buildNavigation(items),
        breadcrumbs: buildBreadcrumbs(items, path),
        banner: banner === undefined ? null : { title: banner.title, message: banner.message, link: banner.link },
        supernav,
      };
    },

    async boxes(labels) {
      const docs = await findBoxes(labels);
      return Object.fromEntries(docs.map((box) => [box.label, box.contentHtml]));
    },

    async codeSamples() {
      const samples = await client.findCodeSamples();
      // Sanitised, and its <h1> taken one level down, when saved (lib/markup/storedMarkup).
      return samples.map((sample) => ({ title: sample.title, code: sample.code, copyHtml: sample.copyHtml }));
    },
  };
}
