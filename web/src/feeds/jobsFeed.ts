/**
 * python.org's `/jobs/feed/rss/`, "Python.org Jobs Feed": the 20 newest jobs, each titled
 * "job title, company", its body the location and the rendered description and requirements.
 */
import type { JobDetail } from '../services/jobService';
import { xmlEscape } from './xmlEscape';

export function renderJobsFeed(jobs: readonly JobDetail[], siteUrl: string): string {
  const items = jobs.map((job) => {
    const link = `${siteUrl}${job.path}`;
    const body = `<p>${xmlEscape(job.location)}</p>${job.descriptionHtml}${job.requirementsHtml}`;
    const pubDate = job.isoDate === '' ? '' : `<pubDate>${new Date(`${job.isoDate}T00:00:00Z`).toUTCString()}</pubDate>`;
    return `<item><title>${xmlEscape(`${job.title}, ${job.companyName}`)}</title><link>${xmlEscape(link)}</link><description>${xmlEscape(body)}</description>${pubDate}<guid isPermaLink="true">${xmlEscape(link)}</guid></item>`;
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0"><channel>',
    '<title>Python.org Jobs Feed</title>',
    `<link>${xmlEscape(`${siteUrl}/jobs/`)}</link>`,
    '<description>The newest jobs on the Python Job Board</description>',
    '<language>en-us</language>',
    ...items,
    '</channel></rss>',
  ].join('\n');
}
