import { createRateLimiter, type RateLimiter, type ThrottleStore } from '../../lib/throttle/RateLimiter'
import type { ThrottleEnv } from '../config/throttleEnv'
import { signInLimiter } from './signInLimiter'

const MINUTE = 60 * 1000
const HOUR = 60 * MINUTE

/** One limiter per throttled surface of the CMS. */
export type CmsThrottles = {
  legacyApi: RateLimiter
  anonymousGraphql: RateLimiter
  anonymousRest: RateLimiter
  search: RateLimiter
  storySubmissions: RateLimiter
  /** New job postings by accounts, per account and per address (limitJobSubmissions). */
  jobSubmissions: RateLimiter
  /** Sponsorship applications by accounts, per account and per address (JOB_SUBMISSIONS_PER_HOUR, the job form's budget). */
  sponsorshipApplications: RateLimiter
  /** Sign-in attempts per client address, then all together (see signInLimiter). */
  signIn: RateLimiter
  /** Visitors' account endpoints (collections/Accounts/endpoints), per client address and per account. */
  accounts: {
    signUp: RateLimiter
    signIn: RateLimiter
    signInPerAccount: RateLimiter
    reset: RateLimiter
    mailsPerAccount: RateLimiter
  }
}

/** The CMS's limiters from its settings; counts live in this process unless a store is given. */
export function createCmsThrottles(env: ThrottleEnv, store?: ThrottleStore): CmsThrottles {
  return {
    legacyApi: createRateLimiter({ name: 'legacy-api', limit: env.legacyApiPerHour, windowMs: HOUR, store }),
    anonymousGraphql: createRateLimiter({ name: 'graphql', limit: env.anonymousGraphqlPerMinute, windowMs: MINUTE, store }),
    anonymousRest: createRateLimiter({ name: 'rest', limit: env.restAnonymousPerMinute, windowMs: MINUTE, store }),
    search: createRateLimiter({ name: 'search', limit: env.searchPerMinute, windowMs: MINUTE, store }),
    storySubmissions: createRateLimiter({ name: 'story-submissions', limit: env.storySubmissionsPerHour, windowMs: HOUR, store }),
    jobSubmissions: createRateLimiter({ name: 'job-submissions', limit: env.jobSubmissionsPerHour, windowMs: HOUR, store }),
    sponsorshipApplications: createRateLimiter({ name: 'sponsorship-applications', limit: env.jobSubmissionsPerHour, windowMs: HOUR, store }),
    signIn: signInLimiter(
      createRateLimiter({ name: 'sign-in', limit: env.signInPerHour, windowMs: HOUR, store }),
      createRateLimiter({ name: 'sign-in-all', limit: env.signInGlobalPerHour, windowMs: HOUR, store }),
    ),
    accounts: {
      signUp: createRateLimiter({ name: 'account-sign-up', limit: env.accountSignUpsPerHour, windowMs: HOUR, store }),
      signIn: createRateLimiter({ name: 'account-sign-in', limit: env.accountSignInsPerHour, windowMs: HOUR, store }),
      signInPerAccount: createRateLimiter({ name: 'account-sign-in-per-account', limit: env.accountSignInsPerAccountPerHour, windowMs: HOUR, store }),
      reset: createRateLimiter({ name: 'account-reset', limit: env.accountResetsPerHour, windowMs: HOUR, store }),
      mailsPerAccount: createRateLimiter({ name: 'account-mails', limit: env.accountMailsPerAccountPerHour, windowMs: HOUR, store }),
    },
  }
}
