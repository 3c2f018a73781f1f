/**
 * An election's nomination window (python.org's Election.nominations_open / nominations_complete):
 * open while both dates are set and open <= now < close; closed once the close date has passed.
 * An election without both dates never takes nominations. Read by the nomination rules, the
 * invitation links' expiry and (as a copy of the same few lines, the renderer never imports the
 * schema) the site's pages.
 */
export type NominationWindow = 'not-yet-open' | 'open' | 'closed' | 'no-window'

export interface WindowDates {
  readonly nominationsOpenAt?: string | null
  readonly nominationsCloseAt?: string | null
}

export function nominationWindowOf(election: WindowDates, now: Date = new Date()): NominationWindow {
  const open = election.nominationsOpenAt ? Date.parse(election.nominationsOpenAt) : Number.NaN
  const close = election.nominationsCloseAt ? Date.parse(election.nominationsCloseAt) : Number.NaN
  if (Number.isNaN(open) || Number.isNaN(close)) return 'no-window'
  const at = now.getTime()
  if (at < open) return 'not-yet-open'
  return at < close ? 'open' : 'closed'
}

/** The sentence a refused nomination or answer gives when the window is not open. */
export function windowClosedMessage(electionName: string, window: NominationWindow): string {
  switch (window) {
    case 'not-yet-open':
      return `Nominations for ${electionName} are not open yet.`
    case 'closed':
      return `Nominations for ${electionName} are closed.`
    default:
      return `${electionName} takes no nominations.`
  }
}
