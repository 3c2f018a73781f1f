import path from 'node:path'

export type ServiceCommand = { command: string; args: string[] }

/**
 * How each long-running service starts: Node itself, with no npx or shell in between, so a
 * signal sent to the child reaches the server and nothing is left running after a stop.
 */
export function cmsCommand(repoRoot: string, port: number | string): ServiceCommand {
  return { command: process.execPath, args: [path.join(repoRoot, 'node_modules/next/dist/bin/next'), 'start', 'cms', '-p', String(port)] }
}

export function webCommand(): ServiceCommand {
  return { command: process.execPath, args: ['--import', 'tsx', 'web/src/server.ts'] }
}
