import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import { COMPILED_CMS_COMMAND, COMPILED_PREPARE_COMMAND, COMPILED_WEB_COMMAND } from '../../../scripts/lib/serviceCommands'

/**
 * docker-compose.yml cannot run here (no Docker engine), so its shape is checked by reading it:
 * the services, the web replicas, health checks, volumes, image lines, memory limits, and that cms
 * and web start the compiled programs the Dockerfile's images run; and dclint checks it against
 * the Compose specification's schema and its rules.
 */
type Service = {
  image?: string
  command?: string[]
  environment?: Record<string, string>
  healthcheck?: { test: string[] }
  volumes?: string[]
  deploy?: { replicas?: number; resources?: { limits?: { memory?: string } } }
  depends_on?: Record<string, { condition: string }>
  init?: boolean
  build?: { context: string; target: string }
  ports?: string[]
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

  it('builds cms and web from the Dockerfile targets and starts them with the compiled programs', () => {
    expect(service('web').build).toEqual({ context: '.', target: 'web' })
    expect(service('cms').build).toEqual({ context: '.', target: 'cms' })
    expect(service('web').command).toEqual([...COMPILED_WEB_COMMAND])
    const [shell, flag, line] = service('cms').command ?? []
    expect([shell, flag]).toEqual(['sh', '-c'])
    expect(line).toBe(`${COMPILED_PREPARE_COMMAND.join(' ')} && exec ${COMPILED_CMS_COMMAND.join(' ')}`)
    expect(service('cms').environment?.['CMS_PORT']).toBe(COMPILED_CMS_COMMAND[3])
    for (const name of ['cms', 'web']) expect(service(name).init, name).toBe(true)
  })

  it('runs supported image lines: Postgres 17, Redis 7.4 or later', () => {
    expect(service('postgres').image).toBe('postgres:17')
    const [major, minor] = (service('redis').image ?? '').replace('redis:', '').split('.').map(Number)
    expect(major * 100 + (minor ?? 0), service('redis').image).toBeGreaterThanOrEqual(704)
  })

  it('limits the memory of every service', () => {
    for (const [name, definition] of Object.entries(services)) expect(definition.deploy?.resources?.limits?.memory, name).toMatch(/^\d+[MG]$/)
  })

  it('passes dclint: the Compose schema and the linter rules, with no warning', () => {
    // Throws (exit status 1, the problems on stdout) when the file breaks a rule.
    execFileSync('npx', ['dclint', 'docker-compose.yml', '--max-warnings', '0', '--color=false'], { encoding: 'utf8', stdio: 'pipe' })
  }, 60_000)

  it('publishes the CMS on the loopback address only and keeps first-register closed (issue 18)', () => {
    const cms = service('cms')
    expect(cms.ports).toEqual(['127.0.0.1:3000:3000'])
    expect(cms.environment?.['ALLOW_FIRST_REGISTER']).toBe('${ALLOW_FIRST_REGISTER:-false}')
    expect(cms.environment?.['NODE_ENV']).toBe('production')
  })

  it('starts redis as npm run start:redis does, and meilisearch with the flags of npm run start:meilisearch', () => {
    expect(service('redis').command).toEqual(words(scripts['start:redis'] ?? ''))
    expect(scripts['start:meilisearch']).toBe('tsx scripts/startMeilisearch.ts')
    expect(readFileSync('scripts/startMeilisearch.ts', 'utf8')).toContain("'--no-analytics'")
  })
})
