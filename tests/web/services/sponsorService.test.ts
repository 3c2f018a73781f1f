/**
 * The sponsor service on a fake CMS client: the logo placement API's entries grouped by level in
 * the API's order, each level's logo size from its package (newest year first), a sponsor once
 * per level; the downloads block once per sponsor.
 */
import { describe, expect, it } from 'vitest';
import type { LogoPlacementDoc, SponsorshipPackageDoc } from '../../../web/src/cms/types';
import { createSponsorService } from '../../../web/src/services/sponsorService';

const entry = (sponsor: string, levelName: string, levelOrder: number): LogoPlacementDoc => ({
  publisher: 'psf',
  flight: 'sponsors',
  sponsor,
  sponsorSlug: sponsor.toLowerCase().replace(/\W+/g, '-'),
  levelName,
  levelOrder,
  description: '',
  logo: `https://cms.example.org/api/media/file/${sponsor}.png`,
  sponsorUrl: null,
});

describe('the sponsor service', () => {
  it('groups /psf/sponsors/ by level, highest first, at each level\'s newest size', async () => {
    const packages: SponsorshipPackageDoc[] = [
      { name: 'Visionary', slug: 'visionary', year: 2026, logoDimension: 300 },
      { name: 'Visionary', slug: 'visionary', year: 2025, logoDimension: 250 },
    ];
    const asked: unknown[] = [];
    const service = createSponsorService({
      findLogoPlacements: async (filter) => {
        asked.push(filter);
        return [entry('Alpha', 'Visionary', 0), entry('Alpha', 'Visionary', 0), entry('Zed', 'Supporting', 4), entry('Beta', 'Visionary', 0)];
      },
      findSponsorshipPackages: async () => packages,
    });
    const levels = await service.sponsorLevels();
    expect(asked).toEqual([{ publisher: 'psf', flight: 'sponsors' }]);
    expect(levels.map((level) => [level.name, level.logoDimension, level.sponsors.map((sponsor) => sponsor.name)])).toEqual([
      ['Visionary', 300, ['Alpha', 'Beta']],
      ['Supporting', 175, ['Zed']],
    ]);
  });

  it('lists each download sponsor once, from the psf publisher\'s download flight', async () => {
    const asked: unknown[] = [];
    const service = createSponsorService({
      findLogoPlacements: async (filter) => {
        asked.push(filter);
        return [entry('Alpha', 'Visionary', 0), entry('Alpha', 'Visionary', 0)];
      },
      findSponsorshipPackages: async () => [],
    });
    expect((await service.downloadSponsors()).map((sponsor) => sponsor.name)).toEqual(['Alpha']);
    expect(asked).toEqual([{ publisher: 'psf', flight: 'download' }]);
  });

  it('lists each job board sponsor once, from the psf publisher\'s jobs flight', async () => {
    const asked: unknown[] = [];
    const service = createSponsorService({
      findLogoPlacements: async (filter) => {
        asked.push(filter);
        return [entry('Beta', 'Visionary', 0), entry('Alpha', 'Sustainability', 2), entry('Beta', 'Visionary', 0)];
      },
      findSponsorshipPackages: async () => [],
    });
    expect((await service.jobSponsors()).map((sponsor) => sponsor.name)).toEqual(['Beta', 'Alpha']);
    expect(asked).toEqual([{ publisher: 'psf', flight: 'jobs' }]);
  });
});
