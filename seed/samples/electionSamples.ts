/**
 * SAMPLE CONTENT, written for this site (python.org's elections are not in its fixtures): one
 * PSF Board election marked "(sample)" whose nomination window is open around the day the seed
 * runs, so the election pages and the nomination form have something to show. Its dates are
 * renewed each time the seed runs (from the start of the day, so a second run the same day
 * changes nothing); real elections are set up by PSF staff in the admin.
 */
export const ELECTION_SAMPLE = {
  name: 'PSF Board Election (sample)',
  slug: 'psf-board-election-sample',
  description: [
    'This is a **sample** election, written so that the nomination pages of the development site have something to show.',
    '',
    'PSF members nominate candidates while nominations are open; a nominee accepts or declines from the link they are mailed, and PSF staff approve nominations before they are listed.',
  ].join('\n'),
  /** Days from the seed's day: nominations opened a week ago, close in two weeks, the vote a month later. */
  opensAfterDays: -7,
  closesAfterDays: 14,
  electionAfterDays: 45,
} as const
