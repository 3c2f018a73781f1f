/** The staff's settings of the application form, as the window rule reads them. */
export type ApplicationWindowSettings = {
  applicationYear?: number | null
  applicationsOpenFrom?: string | null
  applicationsCloseAt?: string | null
  closedMessage?: string | null
}

export type ApplicationWindow =
  | { open: true; year: number; closesAt: string | null }
  | { open: false; year: number | null; message: string }

export const DEFAULT_CLOSED_MESSAGE = 'Sponsorship applications are closed at the moment. Please write to sponsors@python.org, or come back when the next application period opens.'

/**
 * Whether the application form takes applications at `now` (python.org closes it outside its
 * sponsorship year's window): open from the opening date, until the closing date if any. No
 * opening date, or no year, means closed: staff open it on purpose.
 */
export function applicationWindowAt(settings: ApplicationWindowSettings | null, now: Date = new Date()): ApplicationWindow {
  const message = settings?.closedMessage?.trim() || DEFAULT_CLOSED_MESSAGE
  const year = typeof settings?.applicationYear === 'number' ? settings.applicationYear : null
  const opens = settings?.applicationsOpenFrom ? new Date(settings.applicationsOpenFrom) : null
  const closes = settings?.applicationsCloseAt ? new Date(settings.applicationsCloseAt) : null
  if (year === null || opens === null || Number.isNaN(opens.getTime()) || now < opens) return { open: false, year, message }
  if (closes !== null && !Number.isNaN(closes.getTime()) && now >= closes) return { open: false, year, message }
  return { open: true, year, closesAt: closes === null ? null : closes.toISOString() }
}
