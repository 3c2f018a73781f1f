import { spawn, type ChildProcess } from 'node:child_process'

import type { ServiceCommand } from '../../scripts/lib/serviceCommands'
import { withChildCoverage } from './childCoverageEnv'

/** Starts a service (see scripts/lib/serviceCommands) with its output kept in `log`, printed if start-up fails. */
export function startLoggedProcess(name: string, service: ServiceCommand, env: NodeJS.ProcessEnv, log: string[]): ChildProcess {
  const child = spawn(service.command, service.args, { env: withChildCoverage(env), stdio: ['ignore', 'pipe', 'pipe'] })
  const keep = (chunk: Buffer) => log.push(`[${name}] ${chunk.toString()}`)
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  return child
}

/** SIGTERM to each child, resolved once all have exited. */
export async function stopProcesses(children: readonly ChildProcess[]): Promise<void> {
  for (const child of children) child.kill('SIGTERM')
  await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)))))
}
