import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { COMPILED_CMS_COMMAND, COMPILED_PREPARE_COMMAND, COMPILED_WEB_COMMAND } from '../../../scripts/lib/serviceCommands'

/**
 * The Dockerfile cannot be built here (no container engine): its stages are checked by reading
 * it. One build stage with the dev dependencies; the runtime stages on production dependencies
 * only, as the unprivileged user, on the Node 24 that scripts/installNode.sh tests with, running
 * the compiled programs. tests/integration/deploy runs the runtime stage's install itself.
 */
type Stage = { from: string; name: string; lines: string[] }

const dockerfile = readFileSync('Dockerfile', 'utf8')
const nodeImage = /^ARG NODE_IMAGE=(\S+)$/m.exec(dockerfile)?.[1] ?? ''
const stages: Stage[] = []
for (const line of dockerfile.split('\n').filter((text) => text.trim() !== '' && !text.startsWith('#'))) {
  const from = /^FROM (\S+) AS (\S+)$/.exec(line)
  if (from) stages.push({ from: from[1] === '${NODE_IMAGE}' ? nodeImage : from[1], name: from[2], lines: [] })
  else stages.at(-1)?.lines.push(line)
}
const stage = (name: string): Stage => {
  const found = stages.find((candidate) => candidate.name === name)
  if (found === undefined) throw new Error(`The Dockerfile has no stage ${name}`)
  return found
}
const installedNode = /^NODE24_VERSION=(\S+)$/m.exec(readFileSync('scripts/installNode.sh', 'utf8'))?.[1]

describe('Dockerfile', () => {
  it('builds on the Node 24 the tests run on, as .nvmrc says', () => {
    expect(readFileSync('.nvmrc', 'utf8').trim()).toBe('24')
    expect(installedNode).toMatch(/^24\./)
    expect(nodeImage).toBe(`node:${installedNode}-bookworm-slim`)
    expect(stage('build').from).toBe(nodeImage)
    expect(stage('runtime').from).toBe(nodeImage)
  })

  it('builds with the dev dependencies: npm ci, then npm run build', () => {
    const lines = stage('build').lines
    expect(lines).toContain('RUN npm ci --no-audit --no-fund')
    expect(lines.indexOf('RUN npm run build')).toBeGreaterThan(lines.indexOf('COPY . .'))
  })

  it('runs on production dependencies only, as the unprivileged node user, in production mode', () => {
    const lines = stage('runtime').lines
    expect(lines.some((line) => /^RUN npm ci --omit=dev\b/.test(line))).toBe(true)
    expect(lines.filter((line) => line.startsWith('COPY . '))).toEqual([])
    expect(lines.at(-1)).toBe('USER node')
    expect(lines.find((line) => line.startsWith('ENV '))).toContain('NODE_ENV=production')
    for (const name of ['cms', 'web']) {
      expect(stage(name).from, name).toBe('runtime')
      expect(stage(name).lines.filter((line) => line.startsWith('USER ')), name).toEqual([])
    }
  })

  it('starts the compiled programs with plain node: cms prepares the database first', () => {
    expect(stage('web').lines).toContain(`CMD ${JSON.stringify(COMPILED_WEB_COMMAND)}`.replaceAll(',', ', '))
    const cms = `CMD ${JSON.stringify(['sh', '-c', `${COMPILED_PREPARE_COMMAND.join(' ')} && exec ${COMPILED_CMS_COMMAND.join(' ')}`])}`.replaceAll('","', '", "')
    expect(stage('cms').lines).toContain(cms)
    expect(stages.flatMap((each) => each.lines).filter((line) => line.includes('tsx'))).toEqual([])
  })
})
