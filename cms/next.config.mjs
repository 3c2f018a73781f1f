import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'

const cmsDir = path.dirname(fileURLToPath(import.meta.url))

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The legacy downloads API (/api/v1/downloads/...) is addressed with trailing slashes:
  // Next.js must not redirect them away.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  // node-ical (the calendar import job) pulls in @js-temporal/polyfill, whose jsbi import
  // Turbopack bundles wrongly ("q.BigInt is not a function" while collecting /admin's page
  // data): Node loads it from node_modules instead. pdfkit (the sponsorship contracts) reads its
  // font metrics from its own directory at run time, which a bundle would not carry.
  serverExternalPackages: ['node-ical', 'pdfkit'],
  // The schema and CMS code live beside cms/ (collections/), so trace files from the repo root.
  outputFileTracingRoot: path.resolve(cmsDir, '..'),
  turbopack: { root: path.resolve(cmsDir, '..') },
  // `npm test` type-checks the whole repository with tsc (strict); doing it again inside every
  // build would only cost minutes on a 2-core machine.
  typescript: { ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
