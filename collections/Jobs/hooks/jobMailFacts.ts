import type { PayloadRequest } from 'payload'

import type { Job } from '../../generated/payload-types'

/** The first words of a description, for a message that must stay short. */
function firstWords(text: string, count: number): string {
  const words = text.split(/\s+/, count + 1).filter(Boolean)
  return words.length > count ? `${words.slice(0, count).join(' ')} ...` : words.join(' ')
}

function day(iso: string | null | undefined): string {
  return typeof iso === 'string' ? iso.slice(0, 10) : 'the end of its listing'
}

/**
 * What every job board message may say about a job: its facts and its links, absolute from
 * SITE_URL (the site's pages) and the CMS's serverURL (the admin). `recipient` is the submitting
 * account's address, or the posting's contact address when staff entered it (python.org wrote there).
 */
export async function jobMailFacts(req: PayloadRequest, job: Job, siteUrl: string): Promise<{ recipient: string; values: Record<string, string> }> {
  const categoryId = typeof job.category === 'object' && job.category !== null ? job.category.id : job.category
  const category = await req.payload.findByID({ collection: 'job-categories', id: categoryId, depth: 0, overrideAccess: true, disableErrors: true, req })
  const submitterId = job.submittedBy
  const submitter = submitterId == null ? null : await req.payload.findByID({ collection: 'accounts', id: submitterId, depth: 0, overrideAccess: true, disableErrors: true, req })
  return {
    // The account that posted it, as the issue asks; a posting staff entered has only its contact.
    recipient: typeof submitter?.email === 'string' && submitter.email !== '' ? submitter.email : job.email,
    values: {
      title: job.title,
      company: job.companyName,
      category: category?.name ?? '',
      contact: job.contactName || job.email,
      summary: firstWords(job.description ?? '', 50),
      expires: day(job.expires),
      jobUrl: `${siteUrl}/jobs/${job.id}/`,
      createUrl: `${siteUrl}/jobs/create/`,
      guidelinesUrl: `${siteUrl}/community/jobs/howto/`,
      reviewUrl: `${req.payload.config.serverURL}/admin/collections/jobs/${job.id}`,
    },
  }
}
