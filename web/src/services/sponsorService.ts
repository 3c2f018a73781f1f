/**
 * PSF sponsors on the site (python.org's `list_sponsors` tag): the psf publisher's logos from the
 * CMS's logo placement API. /psf/sponsors/ groups them by level, each level's logos at its size;
 * the downloads page lists the `download` flight. Only what the API gives out is shown: finalized,
 * current sponsorships with published logos.
 */
import type { CmsClient } from '../cms/client';
import type { LogoPlacementDoc } from '../cms/types';

export interface SponsorLogo {
  readonly name: string;
  /** The anchor on /psf/sponsors/ (python.org's sponsor slug). */
  readonly slug: string;
  readonly description: string;
  readonly logo: string;
  readonly url: string | null;
}

export interface SponsorLevel {
  readonly name: string;
  /** Width and height of this level's logos, in pixels (python.org's logo_dimension). */
  readonly logoDimension: number;
  readonly sponsors: readonly SponsorLogo[];
}

export interface SponsorService {
  /** /psf/sponsors/: the `sponsors` flight by level, highest first. */
  sponsorLevels(): Promise<readonly SponsorLevel[]>;
  /** The downloads page's "Sponsors" block: the `download` flight. */
  downloadSponsors(): Promise<readonly SponsorLogo[]>;
  /** The job board's "Job Board Sponsors" sidebar: the `jobs` flight. */
  jobSponsors(): Promise<readonly SponsorLogo[]>;
}

/**
 * What sponsor logos depend on: a page showing them carries these surrogate keys, which the CMS
 * purges (with the pages' paths, collections/hooks/queueSiteCachePurge.ts) on any change of them.
 */
export const sponsorSurrogateKeys: readonly string[] = ['sponsors', 'sponsorships', 'sponsorship-packages', 'media'];

/** python.org's default logo size. */
const DEFAULT_LOGO_DIMENSION = 175;

function logoOf(entry: LogoPlacementDoc): SponsorLogo {
  return { name: entry.sponsor, slug: entry.sponsorSlug, description: entry.description, logo: entry.logo, url: entry.sponsorUrl };
}

export function createSponsorService(client: Pick<CmsClient, 'findLogoPlacements' | 'findSponsorshipPackages'>): SponsorService {
  return {
    async sponsorLevels() {
      const [entries, packages] = await Promise.all([client.findLogoPlacements({ publisher: 'psf', flight: 'sponsors' }), client.findSponsorshipPackages()]);
      // Levels are grouped by name across years (python.org groups by slug); the newest year's size wins.
      const sizes = new Map<string, number>();
      for (const level of packages) if (!sizes.has(level.name)) sizes.set(level.name, level.logoDimension);
      const levels = new Map<string, { order: number; sponsors: SponsorLogo[] }>();
      for (const entry of entries) {
        const level = levels.get(entry.levelName) ?? { order: entry.levelOrder, sponsors: [] };
        if (!level.sponsors.some((sponsor) => sponsor.slug === entry.sponsorSlug)) level.sponsors.push(logoOf(entry));
        levels.set(entry.levelName, level);
      }
      return [...levels.entries()]
        .sort(([, a], [, b]) => a.order - b.order)
        .map(([name, level]) => ({ name, logoDimension: sizes.get(name) ?? DEFAULT_LOGO_DIMENSION, sponsors: level.sponsors }));
    },

    downloadSponsors: () => flightLogos(client, 'download'),
    jobSponsors: () => flightLogos(client, 'jobs'),
  };
}

/** One flight's logos in level order, each sponsor once (a sponsor may hold the placement twice). */
async function flightLogos(client: Pick<CmsClient, 'findLogoPlacements'>, flight: string): Promise<readonly SponsorLogo[]> {
  const entries = await client.findLogoPlacements({ publisher: 'psf', flight });
  const seen = new Set<string>();
  return entries.filter((entry) => !seen.has(entry.sponsorSlug) && seen.add(entry.sponsorSlug) !== undefined).map(logoOf);
}
