import type { CollectionConfig } from 'payload'

import { Banners } from './Banners/index.js'
import { Boxes } from './Boxes/index.js'
import { Calendars } from './Calendars/index.js'
import { CodeSamples } from './CodeSamples/index.js'
import { EventCategories } from './EventCategories/index.js'
import { EventLocations } from './EventLocations/index.js'
import { Events } from './Events/index.js'
import { createMedia } from './Media/index.js'
import { NavigationItems } from './NavigationItems/index.js'
import { OperatingSystems } from './OperatingSystems/index.js'
import { Pages } from './Pages/index.js'
import { Redirects } from './Redirects/index.js'
import { ReleaseCycles } from './ReleaseCycles/index.js'
import { ReleaseFiles } from './ReleaseFiles/index.js'
import { Releases } from './Releases/index.js'
import type { SchemaSettings } from './settings/schemaSettings.js'
import { StoryCategories } from './StoryCategories/index.js'
import { SuccessStories } from './SuccessStories/index.js'
import { Users } from './Users/index.js'

export type { SchemaSettings } from './settings/schemaSettings.js'

/** Every collection of python.org's content system, in the order the admin lists them. */
export function buildCollections(settings: SchemaSettings): CollectionConfig[] {
  return [
    Pages,
    Boxes,
    NavigationItems,
    createMedia({ staticDir: settings.mediaDir, maxBytes: settings.uploadMaxBytes }),
    CodeSamples,
    Banners,
    Redirects,
    Releases,
    ReleaseFiles,
    OperatingSystems,
    ReleaseCycles,
    Calendars,
    EventCategories,
    EventLocations,
    Events,
    SuccessStories,
    StoryCategories,
    Users,
  ]
}
