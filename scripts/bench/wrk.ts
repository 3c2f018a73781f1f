import { spawn } from 'node:child_process'

export type WrkResult = { requestsPerSecond: number; p50Ms: number; p99Ms: number; non2xx: number; socketErrors: number }

/** Runs wrk against one URL and reads requests/s and the latency percentiles from its report. */
export function runWrk(url: string, options: { connections: number; threads: number; seconds: number; headers: Record<string, string>; script?: string }): Promise<WrkResult> {
  const args = ['-t', String(options.threads), '-c', String(options.connections), '-d', `${options.seconds}s`, '--latency']
  for (const [name, value] of Object.entries(options.headers)) args.push('-H', `${name}: ${value}`)
  if (options.script !== undefined) args.push('-s', options.script)
  args.push(url)
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', (error) => reject(new Error(`wrk could not start (run \`npm run setup\`): ${error.message}`)))
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`wrk failed (exit ${code}):\n${output}`))
      try {
        resolve(parseWrk(output))
      } catch (error) {
        reject(error)
      }
    })
  })
}

export function parseWrk(output: string): WrkResult {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output)
  const p50 = /\s50%\s+([\d.]+)(us|ms|s)\b/.exec(output)
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)\b/.exec(output)
  if (!rps?.[1] || !p50?.[1] || !p50[2] || !p99?.[1] || !p99[2]) throw new Error(`unexpected wrk output:\n${output}`)
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(output)
  // "Socket errors: connect 0, read 0, write 0, timeout 0"
  const socket = /Socket errors:\s+connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output)
  return {
    requestsPerSecond: Number(rps[1]),
    p50Ms: milliseconds(Number(p50[1]), p50[2]),
    p99Ms: milliseconds(Number(p99[1]), p99[2]),
    non2xx: non2xx?.[1] ? Number(non2xx[1]) : 0,
    socketErrors: socket === null ? 0 : socket.slice(1).reduce((sum, count) => sum + Number(count), 0),
  }
}

function milliseconds(value: number, unit: string): number {
  return unit === 'us' ? value / 1000 : unit === 's' ? value * 1000 : value
}
