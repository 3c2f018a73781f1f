import type { Payload } from 'payload'

import { paragraphsDocument } from '../lexical/lexicalDocuments'
import type { ProgressFactory } from '../progress'
import { CODE_SAMPLES } from '../samples/codeSamples'
import { ELECTION_SAMPLE } from '../samples/electionSamples'
import { PLACEHOLDER_MARK, pageSamplesFor, RETIRED_PLACEHOLDER_PATHS } from '../samples/pageSamples'
import { JOB_CATEGORY_SAMPLES, JOB_SAMPLES, JOB_TYPE_SAMPLES } from '../samples/jobSamples'
import { STORY_CATEGORY_SAMPLES, STORY_SAMPLES } from '../samples/storySamples'
import { UPCOMING_EVENT_SAMPLES } from '../samples/upcomingEventSamples'
import { USER_GROUP_CALENDAR_SAMPLE, USER_GROUP_MEETUP_SAMPLE } from '../samples/userGroupCalendarSample'
import { describeTally, emptyTally, type UpsertTally } from '../upsertTally'
import { importSponsorSamples, SPONSOR_SAMPLE_STEPS } from './sponsorSamples'
import { loadByKey, upsertByKey } from './upsertByKey'

const DAY = 24 * 60 * 60 * 1000

/** The sample content written for this site (see seed/samples/): pages, stories, code, events. */
export async function importSamples(
  payload: Payload,
  navigation: { title: string; url: string }[],
  progress: ProgressFactory,
  today: Date,
): Promise<UpsertTally> {
  const tally = emptyTally()
  const pageSamples = pageSamplesFor(navigation)
  const bar = progress('Sample content', pageSamples.length + STORY_CATEGORY_SAMPLES.length + STORY_SAMPLES.length + CODE_SAMPLES.length + UPCOMING_EVENT_SAMPLES.length + JOB_SAMPLES.length + SPONSOR_SAMPLE_STEPS + 3)

  const pages = await loadByKey(payload, 'pages', 'path')
  for (const page of pageSamples) {
    await upsertByKey(payload, {
      collection: 'pages',
      existing: pages,
      key: 'path',
      tally,
      data: { title: page.title, path: page.path, description: page.description, content: paragraphsDocument(page.paragraphs), _status: 'published' },
    })
    bar.tick()
  }
  // An app route answers there now; an untouched placeholder page would only shadow it in the admin.
  for (const path of RETIRED_PLACEHOLDER_PATHS) {
    const placeholder = pages.get(path)
    if (placeholder !== undefined && JSON.stringify(placeholder['content'] ?? '').includes(PLACEHOLDER_MARK)) {
      await payload.delete({ collection: 'pages', id: placeholder['id'] as number, overrideAccess: true })
      tally.updated += 1
    }
  }

  const categories = await loadByKey(payload, 'story-categories', 'slug')
  for (const category of STORY_CATEGORY_SAMPLES) {
    await upsertByKey(payload, { collection: 'story-categories', existing: categories, key: 'slug', tally, data: { ...category } })
    bar.tick()
  }

  await importJobSamples(payload, tally, today, () => bar.tick())
  await importElectionSample(payload, tally, today)
  bar.tick()
  await importSponsorSamples(payload, tally, today, () => bar.tick())

  const stories = await loadByKey(payload, 'success-stories', 'slug')
  for (const story of STORY_SAMPLES) {
    await upsertByKey(payload, {
      collection: 'success-stories',
      existing: stories,
      key: 'slug',
      tally,
      data: {
        name: story.name,
        slug: story.slug,
        companyName: story.companyName,
        companyUrl: story.companyUrl,
        author: story.author,
        pullQuote: story.pullQuote,
        category: categories.get(story.categorySlug)?.id,
        featured: story.featured,
        content: paragraphsDocument(story.paragraphs),
        _status: 'published',
      },
    })
    bar.tick()
  }

  const samples = await loadByKey(payload, 'code-samples', 'title')
  for (const [order, sample] of CODE_SAMPLES.entries()) {
    await upsertByKey(payload, { collection: 'code-samples', existing: samples, key: 'title', tally, data: { ...sample, order, isPublished: true } })
    bar.tick()
  }

  const calendars = await loadByKey(payload, 'calendars', 'slug')
  const calendarId = calendars.get('python-events')?.id
  const events = await loadByKey(payload, 'events', 'uid')
  for (const sample of UPCOMING_EVENT_SAMPLES) {
    // Inserted only when absent: a later run must not move an event that people have seen.
    if (calendarId != null && !events.has(sample.uid)) {
      const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + sample.daysFromToday, 9))
      const end = new Date(start.getTime() + Math.max(sample.durationDays * DAY, 3 * 60 * 60 * 1000))
      await upsertByKey(payload, {
        collection: 'events',
        existing: events,
        key: 'uid',
        tally,
        data: {
          uid: sample.uid,
          title: sample.title,
          calendar: calendarId,
          description: paragraphsDocument([sample.summary]),
          occurrences: [{ start: start.toISOString(), end: end.toISOString(), allDay: sample.durationDays > 0 }],
        },
      })
    } else {
      tally.unchanged += 1
    }
    bar.tick()
  }

  const userGroup = await upsertByKey(payload, {
    collection: 'calendars',
    existing: calendars,
    key: 'slug',
    tally,
    data: { ...USER_GROUP_CALENDAR_SAMPLE },
  })
  bar.tick()
  if (!events.has(USER_GROUP_MEETUP_SAMPLE.uid)) {
    const meetup = USER_GROUP_MEETUP_SAMPLE
    const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + meetup.firstInDays, 18))
    const exdates = meetup.skippedWeeks.map((weeks) => new Date(first.getTime() + weeks * 7 * DAY).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, ''))
    await upsertByKey(payload, {
      collection: 'events',
      existing: events,
      key: 'uid',
      tally,
      data: {
        uid: meetup.uid,
        title: meetup.title,
        calendar: userGroup.id,
        description: paragraphsDocument([meetup.summary]),
        recurrence: { rrule: meetup.rrule, start: first.toISOString(), durationMinutes: meetup.durationMinutes, exdates: exdates.join(','), allDay: false },
      },
    })
  } else {
    tally.unchanged += 1
  }
  bar.tick()
  bar.done(describeTally(tally))
  return tally
}

/** How long the sample postings stay listed from the day the seed runs (the board's 90 days). */
const SAMPLE_JOB_DAYS = 90

/** The job board's sample types, categories and approved postings (seed/samples/jobSamples.ts). */
/** The sample PSF election (issue 13), its window open around the seed's day. */
async function importElectionSample(payload: Payload, tally: UpsertTally, today: Date): Promise<void> {
  const day = (offset: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offset)).toISOString()
  const { name, slug, description, opensAfterDays, closesAfterDays, electionAfterDays } = ELECTION_SAMPLE
  await upsertByKey(payload, {
    collection: 'elections',
    existing: await loadByKey(payload, 'elections', 'slug'),
    key: 'slug',
    tally,
    data: { name, slug, description, date: day(electionAfterDays), nominationsOpenAt: day(opensAfterDays), nominationsCloseAt: day(closesAfterDays), hidePreviousService: false },
  })
}

async function importJobSamples(payload: Payload, tally: UpsertTally, today: Date, tick: () => void): Promise<void> {
  const types = await loadByKey(payload, 'job-types', 'name')
  for (const name of JOB_TYPE_SAMPLES) await upsertByKey(payload, { collection: 'job-types', existing: types, key: 'name', tally, data: { name } })
  const categories = await loadByKey(payload, 'job-categories', 'name')
  for (const name of JOB_CATEGORY_SAMPLES) await upsertByKey(payload, { collection: 'job-categories', existing: categories, key: 'name', tally, data: { name } })
  const jobs = await loadByKey(payload, 'jobs', 'title')
  // From the start of the day, so a second seed the same day changes nothing.
  const expires = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + SAMPLE_JOB_DAYS)).toISOString()
  for (const job of JOB_SAMPLES) {
    await upsertByKey(payload, {
      collection: 'jobs',
      existing: jobs,
      key: 'title',
      tally,
      // Samples are approved by the seed: nobody is to be told.
      context: { skipJobMail: true },
      data: {
        ...job,
        region: job.region ?? '',
        category: categories.get(job.category)?.id,
        types: job.types.map((type) => types.get(type)?.id),
        status: 'approved',
        expires,
      },
    })
    tick()
  }
}
