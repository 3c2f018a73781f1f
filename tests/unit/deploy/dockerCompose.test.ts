import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import { cmsCommand, webCommand } from '../../../scripts/lib/serviceCommands'

/**
 * docker-compose.yml cannot run here (no Docker engine), so its shape is checked by reading it:
 * the services, the web replicas, health checks, volumes, and that cms and web start with the
 * same commands as `npm start` and the npm scripts.
 */
type Service = {
  image?: string
  command?: string[]
  environment?: Record<string, string>
  healthcheck?: { test: string[] }
  volumes?: string[]
  deploy?: { replicas?: number }
  depends_on?: Record<string, { condition: string }>
  init?: boolean
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> }
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts
const services = compose.services
const service = (name: string): Service => {
  const found = services[name]
  if (found === undefined) throw new Error(`docker-compose.yml has no ${name} service`)
  return found
}

/** Splits a one-line npm script into words as sh would ('' is an empty word). */
function words(script: string): string[] {
  return [...script.matchAll(/'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? '')
}

/** The service command as a line, with the repository root and node written as in package.json. */
function commandLine(command: { command: string; args: string[] }, repoRoot: string): string {
  return ['node', ...command.args.map((arg) => arg.replace(`${repoRoot}/`, ''))].join(' ')
}

describe('docker-compose.yml', () => {
  it('describes the production stack: postgres, redis, meilisearch, cms and two web replicas', () => {
    expect(Object.keys(services).sort()).toEqual(['cms', 'meilisearch', 'postgres', 'redis', 'web'])
    expect(service('web').deploy?.replicas).toBe(2)
    expect(service('meilisearch').image).toBe('getmeili/meilisearch:v1.21')
    expect(service('meilisearch').command).toContain('--no-analytics')
    expect(service('meilisearch').environment?.['MEILI_MASTER_KEY']).toMatch(/^\$\{MEILI_MASTER_KEY:\?/)
  })

  it('gives every service a health check, cms and web their own health endpoints', () => {
    for (const [name, definition] of Object.entries(services)) expect(definition.healthcheck?.test, name).toBeDefined()
    expect(service('cms').healthcheck?.test.join(' ')).toContain('http://127.0.0.1:3000/api/health')
    expect(service('web').healthcheck?.test.join(' ')).toContain('http://127.0.0.1:8080/health')
  })

  it('keeps postgres data, meilisearch data and uploads in volumes', () => {
    expect(Object.keys(compose.volumes).sort()).toEqual(['media', 'meilisearch-data', 'postgres-data'])
    expect(service('postgres').volumes).toContain('postgres-data:/var/lib/postgresql/data')
    expect(service('meilisearch').volumes).toContain('meilisearch-data:/meili_data')
    expect(service('cms').volumes).toContain(`media:${service('cms').environment?.['DATA_DIR']}`)
  })

  it('points cms and web at Redis for purges and the CMS at Meilisearch', () => {
    for (const name of ['cms', 'web']) expect(service(name).environment?.['REDIS_URL'], name).toBe('redis://redis:6379')
    expect(service('cms').environment).toMatchObject({ MEILISEARCH_URL: 'http://meilisearch:7700', MEILISEARCH_API_KEY: expect.stringMatching(/MEILI_MASTER_KEY/) })
    expect(Object.keys(service('cms').depends_on ?? {}).sort()).toEqual(['meilisearch', 'postgres', 'redis'])
    expect(Object.keys(service('web').depends_on ?? {}).sort()).toEqual(['cms', 'redis'])
  })

  it('starts web with the command of npm start and of npm run start:web', () => {
    const local = commandLine(webCommand(), process.cwd())
    expect(scripts['start:web']).toBe(local)
    expect(service('web').command?.join(' ')).toBe(local)
    expect(service('web').init).toBe(true)
  })

  it('starts cms with npm run prepare:db, then the command of npm start and of npm run start:cms', () => {
    const local = commandLine(cmsCommand(process.cwd(), '${CMS_PORT:-3000}'), process.cwd())
    expect(scripts['start:cms']).toBe(local)
    expect(scripts['prepare:db']).toBe('tsx scripts/prepare.ts')
    const [shell, flag, line] = service('cms').command ?? []
    expect([shell, flag]).toEqual(['sh', '-c'])
    expect(line).toBe(`npm run prepare:db && exec ${local.replace('${CMS_PORT:-3000}', service('cms').environment?.['CMS_PORT'] ?? '')}`)
    expect(service('cms').init).toBe(true)
  })

  it('publishes the CMS on the loopback address only and keeps first-register closed (issue 18)', () => {
    const cms = service('cms') as Service & { ports?: string[] }
    expect(cms.ports).toEqual(['${CMS_BIND_ADDRESS:-127.0.0.1}:3000:3000'])
    expect(cms.environment?.['ALLOW_FIRST_REGISTER']).toBe('${ALLOW_FIRST_REGISTER:-false}')
    expect(cms.environment?.['NODE_ENV']).toBe('production')
  })

  it('starts redis as npm run start:redis does, and meilisearch with the flags of npm run start:meilisearch', () => {
    expect(service('redis').command).toEqual(words(scripts['start:redis'] ?? ''))
    expect(scripts['start:meilisearch']).toBe('tsx scripts/startMeilisearch.ts')
    expect(readFileSync('scripts/startMeilisearch.ts', 'utf8')).toContain("'--no-analytics'")
  })
})
