import { escapeHtml } from '../../Releases/downloadBoxes/escapeHtml'

/** The supernav boxes python.org generates from content rather than lets editors write. */
export const SUPERNAV_STORY_BOX = 'supernav-python-success-stories'
export const SUPERNAV_BLOG_BOX = 'supernav-python-blog'

export interface SupernavStory {
  pullQuote: string
  author: string
  companyName: string
  companyUrl?: string | null
}

/** python.org's successstories/supernav.html: the story's pull quote, its author and company. */
export function renderStorySupernavBox(story: SupernavStory): string {
  const company = story.companyUrl ? `<a href="${escapeHtml(story.companyUrl)}">${escapeHtml(story.companyName)}</a>` : escapeHtml(story.companyName)
  return [
    '<li class="tier-2 super-navigation">',
    `    <blockquote class="success-quote">${escapeHtml(story.pullQuote)}</blockquote>`,
    `    <p class="quote-by"><cite>${escapeHtml(story.author)}</cite>, ${company}</p>`,
    '</li>',
  ].join('\n')
}

export interface SupernavBlogEntry {
  title: string
  url: string
  summary?: string | null
  publishedAt?: string | null
}

const dayFormat = new Intl.DateTimeFormat('en-US', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })

/**
 * python.org's blogs/supernav.html: the newest post's date ("Wednesday, May 8, 2019"), title
 * and the first 50 words of its summary, with a "Read more" link. Our summaries are plain text
 * (python.org's were HTML cut by truncatewords_html), so the words are escaped.
 */
export function renderBlogSupernavBox(entry: SupernavBlogEntry): string {
  const date = entry.publishedAt ? new Date(entry.publishedAt) : null
  const words = (entry.summary ?? '').split(/\s+/).filter(Boolean)
  const excerpt = words.length > 50 ? `${words.slice(0, 50).join(' ')} ...` : words.join(' ')
  return [
    '<li class="tier-2 super-navigation">',
    `    <p class="date-posted"><small>${date && !Number.isNaN(date.getTime()) ? dayFormat.format(date) : ''}</small></p>`,
    `    <h4>${escapeHtml(entry.title)}</h4>`,
    `    <p class="excerpt"><small>${escapeHtml(excerpt)} <a class="readmore" href="${escapeHtml(entry.url)}">Read more</a></small></p>`,
    '</li>',
  ].join('\n')
}
