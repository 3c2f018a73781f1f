/** Display formats shared by the pages: dates as python.org prints them, file sizes. */

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "Aug. 5, 2026"-style dates read well; python.org prints "Aug. 5, 2026". We print "August 5, 2026":
 * what Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' })
 * prints, built from the UTC fields by hand because a cold /downloads/ formats some 300 dates and
 * Intl's format costs several microseconds each (its test compares the two over every day of a
 * few years).
 */
export function formatDay(iso: string | null): string {
  if (iso === null) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${monthNames[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

/** The date part of an ISO timestamp, for <time datetime>. */
export function isoDay(iso: string | null): string {
  return iso === null ? '' : iso.slice(0, 10);
}

export function formatFileSize(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
