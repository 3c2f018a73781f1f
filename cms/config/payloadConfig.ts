import path from 'node:path'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig, type SanitizedConfig } from 'payload'
import sharp from 'sharp'

import { buildCollections, SponsorshipSettings } from '../../collections/index'
import { apiDocsEndpoints } from '../endpoints/apiDocs/apiDocsEndpoints'
import { healthEndpoint } from '../endpoints/health'
import { previewDraftEndpoint } from '../endpoints/previewDraft'
import { answerRequestErrors } from '../errors/answerRequestErrors'
import { withRequestGuards } from '../requestGuards/withRequestGuards'
import { searchEndpoint } from '../endpoints/searchEndpoint'
import { logoPlacementEndpoint } from '../endpoints/sponsors/logoPlacementEndpoint'
import { sponsorshipAssetsEndpoint } from '../endpoints/sponsors/sponsorshipAssetsEndpoint'
import { createJobsConfig } from '../jobs/jobsConfig'
import { sitePurgeDeliverFor } from '../jobs/purgeSiteCache'
import type { SitePurgeSettings } from '../../collections/hooks/queueSiteCachePurge'
import { restrictJobStatsGlobal } from '../jobs/restrictJobStatsGlobal'
import { legacyDownloadsEndpoints } from '../endpoints/legacyDownloads/legacyDownloadsEndpoints'
import { MAX_QUERY_COMPLEXITY, queryLimitRules } from '../graphql/queryLimitRules'
import { throttleSignIns } from '../throttle/throttleSignIns'
import { withCmsThrottles } from '../throttle/withCmsThrottles'
import { createRedisStore } from '../../lib/throttle/createRedisStore'
import { cmsLog, createPayloadLogger } from '../../lib/log/cmsLog'
import type { SearchSettings } from '../search/searchBackendFor'
import { withSearchIndexing } from '../search/withSearchIndexing'
import { artifactStoragePlugin } from './artifactStoragePlugin'
import { mediaDirOf, type CmsEnv } from './cmsEnv'
import { mailAdapter } from '../mail/mailAdapter'
import { keepAccountsOutOfAdminCollections } from './keepAccountsOutOfAdminCollections'
import { restrictPayloadMigrations } from './restrictPayloadMigrations'
import { signalAfterCommits, withGlobalResponseCacheDrops, withResponseCacheDrops } from '../responseCache/dropOnContentChange'
import { logLostDatabaseConnections } from '../runtime/logLostDatabaseConnections'

/** The repository root: the CMS runs from it (`npm start`, the Payload CLI, the tests). */
const repoRoot = process.cwd()

/**
 * Assembles the Payload config from the collections, endpoints and settings defined
 * elsewhere. Tests call this with their own database; `cms/payload.config.ts` with the
 * environment.
 */
export async function createPayloadConfig(env: CmsEnv): Promise<SanitizedConfig> {
  // Search, the story form and the legacy API are limited per client (cms/throttle/), in Redis
  // when REDIS_URL is set so that every CMS replica enforces one budget.
  const throttleStore = env.redisUrl === null ? undefined : createRedisStore(env.redisUrl, { warn: (message) => cmsLog.warn(message) })
  const config = await buildConfig(withCmsThrottles(env.throttle, {
    serverURL: env.cmsPublicUrl,
    secret: env.payloadSecret,
    telemetry: false,
    // One format for every line the CMS writes (lib/log): JSON in production, secrets redacted.
    logger: createPayloadLogger(),
    admin: {
      user: 'users',
      // Payload's default avatar is fetched from Gravatar; this network is closed to it.
      avatar: 'default',
      meta: { titleSuffix: ' · python.org CMS' },
      importMap: { baseDir: path.join(repoRoot, 'cms'), importMapFile: path.join(repoRoot, 'cms/app/(payload)/admin/importMap.js') },
    },
    collections: buildCollections({
      releaseFileUrlPrefix: env.releaseFileUrlPrefix,
      mediaDir: mediaDirOf(env),
      uploadMaxBytes: env.uploadMaxBytes,
      siteUrl: env.siteUrl,
      secureCookies: env.secureCookies,
      allowFirstRegister: env.allowFirstRegister,
      psfAnnounceRequestAddress: env.mail.psfAnnounceRequestAddress,
    })
      .map(withSearchIndexing)
      // Malformed documents and hostile `where`s are 400s before any hook sees them.
      .map(withRequestGuards)
      // Any committed write drops the CMS's cached anonymous answers, in every process (issue 14).
      .map(withResponseCacheDrops),
    // Staff-edited settings (the sponsorship application window), with the same drops.
    globals: [SponsorshipSettings].map(withGlobalResponseCacheDrops),
    editor: lexicalEditor(),
    db: postgresAdapter({
      pool: { connectionString: env.databaseUrl },
      // The schema only changes through committed migrations, in development too.
      push: false,
      migrationDir: path.join(repoRoot, 'cms/migrations'),
    }),
    sharp,
    plugins: [artifactStoragePlugin(env.s3)],
    // Over the limit, Payload stops reading and answers 413 with this message.
    upload: { limits: { fileSize: env.uploadMaxBytes }, responseOnLimit: `The file is larger than the ${env.uploadMaxBytes} bytes allowed (UPLOAD_MAX_BYTES).` },
    endpoints: [healthEndpoint, searchEndpoint, previewDraftEndpoint, logoPlacementEndpoint, sponsorshipAssetsEndpoint, ...legacyDownloadsEndpoints, ...apiDocsEndpoints],
    // Bad query values become 400s and a lost database a 503, never a bare 500.
    hooks: { afterError: [answerRequestErrors] },
    cors: [env.siteUrl],
    // Cookie-authenticated requests (the admin, previews) are accepted from these origins only.
    csrf: [env.cmsPublicUrl, env.cmsUrl, env.siteUrl],
    typescript: { outputFile: path.join(repoRoot, 'collections/generated/payload-types.ts') },
    graphQL: { disablePlaygroundInProduction: true, maxComplexity: MAX_QUERY_COMPLEXITY, validationRules: queryLimitRules },
    jobs: createJobsConfig(env),
    // SMTP_URL and EMAIL_FROM; without SMTP_URL each message is a file under <DATA_DIR>/mail/.
    email: mailAdapter(env.mail),
    // A database restart must not crash the CMS through an idle connection's error event.
    // And the response cache is dropped again as soon as a writing transaction commits.
    onInit: (payload) => {
      logLostDatabaseConnections(payload)
      signalAfterCommits(payload)
    },
    custom: {
      // Read by collections/hooks/queueSiteCachePurge: purges travel over Redis (REDIS_URL) or to
      // WEB_PURGE_URLS, which refuse them without a secret; with neither, none is queued.
      // deliver: the same delivery as the purge job, run right after each change's commit.
      sitePurge: { enabled: env.redisUrl !== null || env.purgeSecret !== null, deliver: sitePurgeDeliverFor(env) } satisfies SitePurgeSettings,
      // Read by cms/search/searchBackendFor: Meilisearch when MEILISEARCH_URL is set, else Postgres.
      search: {
        meilisearch: env.meilisearchUrl === null ? null : { url: env.meilisearchUrl, apiKey: env.meilisearchApiKey },
      } satisfies SearchSettings,
      schema: {
        releaseFileUrlPrefix: env.releaseFileUrlPrefix,
        mediaDir: mediaDirOf(env),
        uploadMaxBytes: env.uploadMaxBytes,
        siteUrl: env.siteUrl,
        secureCookies: env.secureCookies,
        allowFirstRegister: env.allowFirstRegister,
        psfAnnounceRequestAddress: env.mail.psfAnnounceRequestAddress,
      },
    },
  }, throttleStore))
  // Sign-in limited per client and overall, on the endpoint Payload adds while building (issue 18).
  return throttleSignIns(keepAccountsOutOfAdminCollections(restrictPayloadMigrations(restrictJobStatsGlobal(config))))
}
