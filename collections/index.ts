import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { createAccounts } from './Accounts/index'
import { Banners } from './Banners/index'
import { Boxes } from './Boxes/index'
import { Calendars } from './Calendars/index'
import { CodeSamples } from './CodeSamples/index'
import { EventCategories } from './EventCategories/index'
import { EventLocations } from './EventLocations/index'
import { withSiteCachePurge } from './hooks/queueSiteCachePurge'
import { Events } from './Events/index'
import { createMedia } from './Media/index'
import { withPublishedMedia } from './Media/hooks/markMediaPublished'
import { JobCategories } from './JobCategories/index'
import { JobReviewComments } from './JobReviewComments/index'
import { Jobs } from './Jobs/index'
import { JobTypes } from './JobTypes/index'
import { Elections } from './Elections/index'
import { Memberships } from './Memberships/index'
import { Minutes } from './Minutes/index'
import { NavigationItems } from './NavigationItems/index'
import { News } from './News/index'
import { Nominations } from './Nominations/index'
import { Nominees } from './Nominees/index'
import { OperatingSystems } from './OperatingSystems/index'
import { Pages } from './Pages/index'
import { Redirects } from './Redirects/index'
import { createReleaseArtifacts } from './ReleaseArtifacts/index'
import { ReleaseCycles } from './ReleaseCycles/index'
import { ReleaseFiles } from './ReleaseFiles/index'
import { Releases } from './Releases/index'
import { createSponsorContracts } from './SponsorContracts/index'
import { Sponsors } from './Sponsors/index'
import { SponsorshipBenefits } from './SponsorshipBenefits/index'
import { SponsorshipPackages } from './SponsorshipPackages/index'
import { SponsorshipPrograms } from './SponsorshipPrograms/index'
import { Sponsorships } from './Sponsorships/index'
import { SponsorshipAssets } from './SponsorshipAssets/index'
import type { SchemaSettings } from './settings/schemaSettings'
import { StoryCategories } from './StoryCategories/index'
import { SuccessStories } from './SuccessStories/index'
import { createUsers } from './Users/index'

export type { SchemaSettings } from './settings/schemaSettings'
export { SponsorshipSettings } from './SponsorshipSettings/index'

/**
 * Every collection of python.org's content system, in the order the admin lists them. Each
 * one purges the site's cache when it changes (see withSiteCachePurge).
 */
export function buildCollections(settings: SchemaSettings): CollectionConfig[] {
  const collections = [
    Pages,
    Boxes,
    NavigationItems,
    createMedia({ staticDir: settings.mediaDir, maxBytes: settings.uploadMaxBytes }),
    CodeSamples,
    Banners,
    Redirects,
    News,
    Releases,
    ReleaseFiles,
    // Beside the media directory, inside the data directory.
    createReleaseArtifacts({ staticDir: path.join(path.dirname(settings.mediaDir), 'release-artifacts'), maxBytes: settings.uploadMaxBytes }),
    OperatingSystems,
    ReleaseCycles,
    Calendars,
    EventCategories,
    EventLocations,
    Events,
    SuccessStories,
    StoryCategories,
    Minutes,
    Memberships,
    Elections,
    Nominees,
    Nominations,
    Jobs,
    JobTypes,
    JobCategories,
    JobReviewComments,
    Sponsors,
    Sponsorships,
    // Private: beside the media directory, inside the data directory.
    createSponsorContracts({ staticDir: path.join(path.dirname(settings.mediaDir), 'sponsor-contracts') }),
    SponsorshipPackages,
    SponsorshipPrograms,
    SponsorshipBenefits,
    SponsorshipAssets,
    createUsers({ secureCookies: settings.secureCookies, allowFirstRegister: settings.allowFirstRegister }),
    createAccounts({ secureCookies: settings.secureCookies }),
  ]
  return collections.map(withPublishedMedia).map(withSiteCachePurge)
}
