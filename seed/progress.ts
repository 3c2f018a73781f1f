import cliProgress from 'cli-progress'

/** One importer's progress: a bar on a terminal, a line at the end otherwise (CI logs). */
export type Progress = { tick: (count?: number) => void; done: (summary: string) => void }

export type ProgressFactory = (label: string, total: number) => Progress

export const terminalProgress: ProgressFactory = (label, total) => {
  if (!process.stdout.isTTY) {
    console.log(`${label}: ${total} to check...`)
    return { tick: () => undefined, done: (summary) => console.log(`${label}: ${summary}`) }
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label.padEnd(22)} [{bar}] {value}/{total}`, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  )
  bar.start(total, 0)
  return {
    tick: (count = 1) => bar.increment(count),
    done: (summary) => {
      bar.stop()
      console.log(`${label}: ${summary}`)
    },
  }
}

/** For tests and quiet runs. */
export const silentProgress: ProgressFactory = () => ({ tick: () => undefined, done: () => undefined })
