import type { CollectionAfterChangeHook } from 'payload'

import { renderStorySupernavBox, SUPERNAV_STORY_BOX } from '../../Boxes/supernav/renderSupernavBoxes'
import { writeGeneratedBox } from '../../Boxes/writeGeneratedBox'

/**
 * As python.org: saving a story that is published and featured makes it the success-stories
 * panel of the main menu (the `supernav-python-success-stories` box), in the same transaction.
 */
export const regenerateStorySupernav: CollectionAfterChangeHook = async ({ doc, req }) => {
  const story = doc as { _status?: string | null; featured?: boolean | null; pullQuote: string; author: string; companyName: string; companyUrl?: string | null }
  if (story._status === 'published' && story.featured === true) {
    await writeGeneratedBox(req, SUPERNAV_STORY_BOX, renderStorySupernavBox(story))
  }
  return doc
}
