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
  return tsxScriptCommand('web/src/server.ts')
}

/** Migrate, create the admin, seed (`npm run prepare:db`'s work): a one-off command, not a service. */
export function prepareCommand(): ServiceCommand {
  return tsxScriptCommand('scripts/prepare.ts')
}

/** A TypeScript file of this repository (a path from its root) run by Node itself. */
export function tsxScriptCommand(script: string): ServiceCommand {
  return { command: process.execPath, args: ['--import', 'tsx', script] }
}

/**
 * The same services in production: the compiled JavaScript of `npm run build` (dist/), run by
 * plain node with no TypeScript loader. The Dockerfile and docker-compose.yml start these.
 */
export const COMPILED_CMS_COMMAND = ['node', 'dist/cms/server.js', '--port', '3000'] as const
export const COMPILED_WEB_COMMAND = ['node', 'dist/web/server.js'] as const
export const COMPILED_PREPARE_COMMAND = ['node', 'dist/scripts/prepare.js'] as const
