/** Django's DurationField serialisation: `[D ]HH:MM:SS[.ffffff]`, e.g. `00:15:00`, `1 02:00:00`. */
const DJANGO_DURATION = /^(?:(\d+) )?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/

/** The length of a serialised Django duration in minutes (fractional when it has seconds). */
export function djangoDurationMinutes(duration: string): number {
  const match = DJANGO_DURATION.exec(duration)
  if (!match) throw new Error(`Duration "${duration}" is not a Django duration like 00:15:00.`)
  const [, days = '0', hours, minutes, seconds, fraction = '0'] = match
  const totalSeconds =
    Number(days) * 86_400 + Number(hours) * 3_600 + Number(minutes) * 60 + Number(seconds) + Number(`0.${fraction}`)
  return totalSeconds / 60
}
