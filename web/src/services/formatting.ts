/** Display formats shared by the pages: dates as python.org prints them, file sizes. */

const dayFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** "Aug. 5, 2026"-style dates read well; python.org prints "Aug. 5, 2026". We print "August 5, 2026". */
export function formatDay(iso: string | null): string {
  if (iso === null) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dayFormat.format(date);
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
