import { readFile } from 'node:fs/promises'
import path from 'node:path'

/** The messages the CMS sends; each is a pair `templates/<name>.txt` and `templates/<name>.html`. */
export const MAIL_TEMPLATES = [
  'storySubmitted',
  'accountVerify',
  'accountExists',
  'passwordReset',
  'emailChangeVerify',
  'emailChanged',
  'accountDeleted',
  'jobSubmitted',
  'jobApproved',
  'jobRejected',
  'jobReviewComment',
  'jobExpired',
  'nominationReceived',
  'nominationAnswered',
  'nominationAwaitsApproval',
  'sponsorshipApplied',
  'sponsorshipReceived',
  'sponsorshipApproved',
  'sponsorshipRejected',
  'sponsorshipFinalized',
  'sponsorshipReopened',
  'sponsorshipMoved',
  'sponsorAssetsReminder',
  'membershipConfirmed',
  'membershipListRequest',
] as const
export type MailTemplate = (typeof MAIL_TEMPLATES)[number]

export type RenderedMail = { subject: string; text: string; html: string }

/** Read from the repository root, where the CMS runs (as the Payload config's paths are). */
const TEMPLATE_DIR = path.join(process.cwd(), 'cms/mail/templates')

const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function isMailTemplate(name: unknown): name is MailTemplate {
  return typeof name === 'string' && (MAIL_TEMPLATES as readonly string[]).includes(name)
}

/**
 * Fills a template pair's `{{name}}` placeholders. The text part's first line is
 * `Subject: ...`. Values are escaped in the HTML part and have their line breaks removed in the
 * subject (a header). A placeholder without a value throws, so a message never goes out with a
 * hole in it (the job fails and says which). Substitution by hand: a template engine would be
 * more than these few placeholders need, and nothing here loops or branches on content.
 */
export async function renderMail(template: MailTemplate, values: Readonly<Record<string, string>>): Promise<RenderedMail> {
  if (!isMailTemplate(template)) throw new Error(`Unknown mail template "${String(template)}".`)
  const [textSource, htmlSource] = await Promise.all([
    readFile(path.join(TEMPLATE_DIR, `${template}.txt`), 'utf8'),
    readFile(path.join(TEMPLATE_DIR, `${template}.html`), 'utf8'),
  ])
  const subjectLine = /^Subject: (.*)\r?\n\r?\n?/.exec(textSource)
  if (!subjectLine) throw new Error(`Mail template ${template}.txt must start with a "Subject: " line.`)
  const fill = (source: string, escape: (value: string) => string): string =>
    source.replace(PLACEHOLDER, (_, name: string) => {
      const value = values[name]
      if (typeof value !== 'string') throw new Error(`Mail template ${template} needs a value for "${name}".`)
      return escape(value)
    })
  return {
    subject: fill(subjectLine[1], (value) => value.replace(/[\r\n]+/g, ' ')).slice(0, 200),
    text: fill(textSource.slice(subjectLine[0].length), (value) => value),
    html: fill(htmlSource, (value) => value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char])),
  }
}
