import path from 'node:path'

export type ServiceCommand = { command: string; args: string[] }

/**
 * How each long-running service starts: Node itself, with no npx or shell in between, so a
 * signal sent to the child reaches the server and nothing is left running after a stop.
 */
export function cmsCommand(repoRoot: string, port: number | string): ServiceCommand {
  // Next.js behind our own node:http server, which tells the API who the client is (cms/server.ts).
  return { command: process.execPath, args: ['--import', 'tsx', path.join(repoRoot, 'cms/server.ts'), '--port', String(port)] }
}

export function webCommand(): ServiceCommand {
  return { command: process.execPath, args: ['--import', 'tsx', 'web/src/server.ts'] }
}
